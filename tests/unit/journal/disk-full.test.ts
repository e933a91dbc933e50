// A journal on a disk that fills up: a 1 MiB tmpfs (needs root and mount rights;
// skipped with a printed notice where mounting is not permitted), nearly filled by
// another file, then appends until the disk refuses. The failing append must be a
// clear ENOSPC error (disk_full), and everything written before must read back
// intact, with no partial line; once space is freed, appends work again.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal, JournalError } from '../../../electron/journal';
import type { CheckIn } from '../../../core/model';
import { fillDisk, mountTmpfs } from '../../support/tmpfs';
import { checkIn } from './helpers';

const disk = mountTmpfs('1m');
afterAll(() => disk.unmount());

describe('disk full', () => {
  it('rejects the append that does not fit with ENOSPC and keeps every earlier line intact', async (ctx) => {
    if (!disk.mounted) {
      console.log(`disk-full test skipped: cannot mount a tmpfs here (${disk.why})`);
      ctx.skip();
      return;
    }
    const dir = join(disk.dir, 'journal');
    const filler = join(disk.dir, 'filler.bin');
    fillDisk(filler, 12 * 1024);
    const journal = new Journal({ dir });
    const written: CheckIn[] = [];
    let failure: unknown;
    for (let i = 0; i < 2000 && failure === undefined; i += 1) {
      // Long codes, so the disk fills within a few dozen appends.
      const c = checkIn(i, '2025-09-10', { code: `ICW25-${String(i).padStart(6, '0')}-${'X'.repeat(900)}` });
      try {
        await journal.append(c);
        written.push(c);
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(JournalError);
    expect(failure).toMatchObject({ code: 'disk_full', errno: 'ENOSPC' });
    expect((failure as Error).message).toMatch(/no space left on the disk \(ENOSPC\)/);
    expect(written.length).toBeGreaterThan(0);
    console.log(`disk full after ${written.length} appends`);

    const dump = await new Journal({ dir }).readAll();
    expect(dump.problems).toEqual([]);
    expect(dump.entries.map((e) => e.checkIn)).toEqual(written);

    // Space freed: the journal carries on, on a fresh line.
    rmSync(filler);
    const next = checkIn(9999);
    await journal.append(next);
    const after = await journal.readAll();
    expect(after.problems).toEqual([]);
    expect(after.entries.map((e) => e.checkIn.id)).toEqual([...written, next].map((c) => c.id));
    await journal.close();
  });
});
