// Saving exports (tallies as CSV / XLSX): through a save dialog, or — on an
// unattended kiosk with a configured export folder — straight into that folder
// under a name that never overwrites. Writes are durable: temp file, fsync, rename.
// The name was validated against core's whitelist; the folder is checked here.
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fail, ok, type Result, type SaveFileInput, type SavedFile } from '../core/kiosk-api';

export interface FileHandleLike {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FsLike {
  open(path: string, flags: string, mode?: number): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options?: { force?: boolean }): Promise<void>;
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  access(path: string, mode?: number): Promise<void>;
}

export const realFs: FsLike = nodeFs;

export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}

export interface FileDeps {
  exportDir: () => string | null;
  showSaveDialog: (options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }) => Promise<SaveDialogResult>;
  downloadsDir: string;
  fs?: FsLike;
}

export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

/** Writes the bytes next to the target, flushes them to disk, then renames over it. */
export async function writeFileDurably(target: string, bytes: Uint8Array, fs: FsLike = realFs, mode = 0o644): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.part`);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

async function exists(path: string, fs: FsLike): Promise<boolean> {
  try {
    await fs.access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** `tallies.csv`, then `tallies (2).csv`, `tallies (3).csv` … */
export async function freePath(dir: string, name: string, fs: FsLike = realFs): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 1000; n += 1) {
    const candidate = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!(await exists(candidate, fs))) return candidate;
  }
  throw new Error(`no free file name for ${name} in ${dir}`);
}

/** null when the folder is usable as an export folder, else why not. */
export async function checkExportDir(dir: string, fs: FsLike = realFs): Promise<string | null> {
  if (!isAbsolute(dir)) return 'must be an absolute path';
  try {
    if (!(await fs.stat(dir)).isDirectory()) return 'is not a folder';
    await fs.access(dir, constants.W_OK);
    return null;
  } catch {
    return 'does not exist or is not writable';
  }
}

const FILTERS: Record<string, string> = { csv: 'CSV', xlsx: 'Excel', json: 'JSON', txt: 'Text', pdf: 'PDF' };

export async function saveExport(input: SaveFileInput, deps: FileDeps): Promise<Result<SavedFile>> {
  const fs = deps.fs ?? realFs;
  const bytes = toBytes(input.data);
  const ext = extname(input.name).slice(1).toLowerCase();
  let target: string;
  const folder = deps.exportDir();
  if (folder) {
    const problem = await checkExportDir(folder, fs);
    if (problem) return fail('io_error', `Export folder ${folder} ${problem}`);
    target = await freePath(folder, input.name, fs);
    // Belt and braces: the validated name cannot leave the folder.
    if (dirname(resolve(target)) !== resolve(folder)) return fail('bad_input', 'name: must be a plain file name');
  } else {
    const choice = await deps.showSaveDialog({
      title: 'Turnout',
      defaultPath: join(deps.downloadsDir, input.name),
      filters: [{ name: FILTERS[ext] ?? ext.toUpperCase(), extensions: [ext] }],
    });
    if (choice.canceled || !choice.filePath) return fail('cancelled', 'The save dialog was closed');
    target = choice.filePath;
  }
  try {
    await writeFileDurably(target, bytes, fs);
  } catch (error) {
    return fail('io_error', `Could not write ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return ok({ path: target, name: basename(target), bytes: bytes.byteLength });
}
