// A tiny file system for disk-full tests: a tmpfs of a few hundred KiB mounted by
// the test (needs root and mount rights, as on CI; elsewhere the caller skips with
// a printed notice), and a filler that eats its free space.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Tmpfs = { mounted: true; dir: string; unmount(): void } | { mounted: false; why: string; unmount(): void };

export function mountTmpfs(size: string): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'turnout-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { mounted: false, why: error instanceof Error ? error.message.split('\n')[0]! : String(error), unmount: () => undefined };
  }
  return {
    mounted: true,
    dir,
    unmount() {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' }); // a failed test may have left a file open
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes zeros into `file` until the file system is full, then frees `leave` bytes. */
export function fillDisk(file: string, leave: number): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      if (writeSync(fd, block) < block.length) break;
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
  }
  ftruncateSync(fd, Math.max(0, statSync(file).size - leave));
  closeSync(fd);
}
