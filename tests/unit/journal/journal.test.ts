// The on-disk journal on the real file system (a temp folder per test): appends
// flushed before they resolve, one file per venue day, torn and corrupt lines
// skipped and reported, failed appends cut back, acknowledgements and compaction,
// and 100k lines read back in order.
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JournalError, type JournalFileHandle, type JournalFs } from '../../../electron/journal';
import { encodeLine } from '../../../electron/journal-format';
import { memoryLogger } from '../../../electron/log';
import { checkIn, NOW, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

interface Faults {
  /** Write this many bytes of the next line, then fail with this errno. */
  write?: { after: number; errno: string };
  syncErrno?: string;
}

/** node:fs/promises with fsyncs counted (file vs folder) and faults injected on demand. */
function instrumentedFs(faults: Faults = {}) {
  const syncs: string[] = [];
  const fs: JournalFs = {
    mkdir: (p, o) => fsp.mkdir(p, o),
    readdir: (p) => fsp.readdir(p),
    stat: (p) => fsp.stat(p),
    rm: (p, o) => fsp.rm(p, o),
    rename: (a, b) => fsp.rename(a, b),
    async open(path, flags, mode) {
      const h = await fsp.open(path, flags, mode);
      const handle: JournalFileHandle = {
        async write(buffer, offset, length, position) {
          const fault = faults.write;
          if (fault) {
            faults.write = undefined;
            await h.write(buffer, offset, Math.min(fault.after, length), position);
            throw Object.assign(new Error(`${fault.errno}: injected`), { code: fault.errno });
          }
          return h.write(buffer, offset, length, position);
        },
        read: (b, o, l, p) => h.read(b, o, l, p),
        async sync() {
          syncs.push(path);
          if (faults.syncErrno) {
            const errno = faults.syncErrno;
            faults.syncErrno = undefined;
            throw Object.assign(new Error(`${errno}: injected`), { code: errno });
          }
          return h.sync();
        },
        truncate: (l) => h.truncate(l),
        stat: () => h.stat(),
        close: () => h.close(),
      };
      return handle;
    },
  };
  return { fs, syncs, faults };
}

const journalDir = () => join(dir, 'journal');

describe('append', () => {
  it('flushes the line (and the folder, for a new file) before it resolves', async () => {
    const { fs, syncs } = instrumentedFs();
    const journal = new Journal({ dir: journalDir(), fs });
    const first = checkIn(1);
    const receipt = await journal.append(first);
    expect(receipt).toEqual({ id: first.id, file: 'journal/2025-09-10.jsonl', bytes: statSync(join(journalDir(), '2025-09-10.jsonl')).size });
    // data folder (journal/ created), journal folder (day file created), the day file
    expect(syncs).toEqual([dir, journalDir(), join(journalDir(), '2025-09-10.jsonl')]);
    await journal.append(checkIn(2));
    expect(syncs.slice(3)).toEqual([join(journalDir(), '2025-09-10.jsonl')]);
    // A fresh read of the file sees both lines, whole.
    const lines = readFileSync(join(journalDir(), '2025-09-10.jsonl'), 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toMatch(/^\{"v":1,"crc":"[0-9a-f]{8}","c":\{"id":"/);
    expect(JSON.parse(lines[0]!).c).toEqual(first);
    await journal.close();
  });

  it('rotates per venue day and reads back oldest day first, in append order', async () => {
    const journal = new Journal({ dir: journalDir() });
    const a = checkIn(1, '2025-09-11');
    const b = checkIn(2, '2025-09-10');
    const c = checkIn(3, '2025-09-11');
    for (const x of [a, b, c]) await journal.append(x);
    expect(readdirSync(journalDir()).sort()).toEqual(['2025-09-10.jsonl', '2025-09-11.jsonl']);
    const dump = await new Journal({ dir: journalDir() }).readAll();
    expect(dump.entries.map((e) => e.checkIn.id)).toEqual([b.id, a.id, c.id]);
    expect(dump).toMatchObject({ problems: [], files: 2 });
    await journal.close();
  });

  it('keeps concurrent appends whole and in call order', async () => {
    const journal = new Journal({ dir: journalDir() });
    const all = Array.from({ length: 60 }, (_, i) => checkIn(i, i % 2 ? '2025-09-10' : '2025-09-11'));
    await Promise.all(all.map((c) => journal.append(c)));
    const dump = await journal.readAll();
    expect(dump.problems).toEqual([]);
    expect(dump.entries.map((e) => e.checkIn.id)).toEqual([...all.filter((_, i) => i % 2), ...all.filter((_, i) => !(i % 2))].map((c) => c.id));
    await journal.close();
  });

  it('refuses a day that is not YYYY-MM-DD (no path out of the folder)', async () => {
    const journal = new Journal({ dir: journalDir() });
    await expect(journal.append(checkIn(1, '2025-09-10', { day: '../../etc/x' }))).rejects.toMatchObject({ code: 'bad_input' });
    expect(existsSync(journalDir())).toBe(false);
  });
});

describe('failed appends leave no partial line', () => {
  it('a write that fails mid-line (ENOSPC) is cut back and rejected as disk_full', async () => {
    const { fs, faults } = instrumentedFs();
    const log = memoryLogger();
    const journal = new Journal({ dir: journalDir(), fs, log });
    await journal.append(checkIn(1));
    const file = join(journalDir(), '2025-09-10.jsonl');
    const before = readFileSync(file);
    faults.write = { after: 40, errno: 'ENOSPC' };
    const failed = journal.append(checkIn(2));
    await expect(failed).rejects.toBeInstanceOf(JournalError);
    await expect(failed).rejects.toMatchObject({ code: 'disk_full', errno: 'ENOSPC', message: expect.stringMatching(/Could not journal check-in .* to journal\/2025-09-10\.jsonl: no space left on the disk \(ENOSPC\)/) });
    expect(readFileSync(file)).toEqual(before);
    expect(log.entries.some((e) => e.level === 'error' && e.message === 'journal append failed')).toBe(true);
    const third = checkIn(3);
    await journal.append(third);
    const dump = await journal.readAll();
    expect(dump.problems).toEqual([]);
    expect(dump.entries.map((e) => e.checkIn.code)).toEqual([checkIn(1).code, third.code]);
    await journal.close();
  });

  it('an fsync that fails (EIO) is an io_error and the line is cut back', async () => {
    const { fs, faults } = instrumentedFs();
    const journal = new Journal({ dir: journalDir(), fs });
    await journal.append(checkIn(1));
    faults.syncErrno = 'EIO';
    await expect(journal.append(checkIn(2))).rejects.toMatchObject({ code: 'io_error', errno: 'EIO' });
    expect((await journal.readAll()).entries).toHaveLength(1);
    await journal.close();
  });
});

describe('reading damaged files', () => {
  it('skips and reports a torn last line; the next append starts on a fresh line', async () => {
    const journal = new Journal({ dir: journalDir() });
    for (let i = 0; i < 3; i += 1) await journal.append(checkIn(i));
    await journal.close();
    const file = join(journalDir(), '2025-09-10.jsonl');
    // A power cut mid-write: half a line, no newline.
    appendFileSync(file, encodeLine('c', checkIn(3)).slice(0, 70));
    const reopened = new Journal({ dir: journalDir() });
    const dump = await reopened.readAll();
    expect(dump.entries).toHaveLength(3);
    expect(dump.problems).toEqual([{ file: 'journal/2025-09-10.jsonl', line: 4, kind: 'torn', detail: expect.stringContaining('cut short') }]);
    await reopened.append(checkIn(4));
    const after = await reopened.readAll();
    expect(after.entries.map((e) => e.checkIn.code)).toEqual([0, 1, 2, 4].map((n) => checkIn(n).code));
    expect(after.problems).toMatchObject([{ line: 4, kind: 'torn' }]);
    await reopened.close();
  });

  it('skips and reports a line whose checksum fails, and a line that is not a journal line', async () => {
    const journal = new Journal({ dir: journalDir() });
    for (let i = 0; i < 4; i += 1) await journal.append(checkIn(i));
    await journal.close();
    const file = join(journalDir(), '2025-09-10.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('"verdict":"accepted"', '"verdict":"rejected"'); // bit rot
    lines[2] = 'garbage';
    writeFileSync(file, lines.join('\n'));
    const dump = await new Journal({ dir: journalDir() }).readAll();
    expect(dump.entries.map((e) => e.checkIn.code)).toEqual([checkIn(0).code, checkIn(3).code]);
    expect(dump.problems).toEqual([
      { file: 'journal/2025-09-10.jsonl', line: 2, kind: 'checksum', detail: expect.stringContaining('checksum mismatch') },
      { file: 'journal/2025-09-10.jsonl', line: 3, kind: 'malformed', detail: 'not a journal line' },
    ]);
  });

  it('reads an empty or missing journal as nothing', async () => {
    expect(await new Journal({ dir: journalDir() }).readAll()).toEqual({ entries: [], problems: [], files: 0 });
  });
});

describe('acknowledgements and compaction', () => {
  it('remembers acks across restarts and removes only old days that are fully acknowledged', async () => {
    const journal = new Journal({ dir: journalDir(), now: () => NOW });
    const old = [checkIn(1, '2025-09-01'), checkIn(2, '2025-09-01')];
    const partly = [checkIn(3, '2025-09-02'), checkIn(4, '2025-09-02')];
    const today = [checkIn(5, '2025-09-10')];
    for (const c of [...old, ...partly, ...today]) await journal.append(c);
    expect(await journal.ack([...old, partly[0]!, ...today].map((c) => c.id))).toEqual({ acked: 4 });
    expect(await journal.ack([old[0]!.id])).toEqual({ acked: 0 });
    await journal.close();

    const restarted = new Journal({ dir: journalDir(), now: () => NOW });
    const acked = (await restarted.readAll()).entries.map((e) => e.acked);
    expect(acked).toEqual([true, true, true, false, true]);

    // Retention 3 days from 2025-09-10: days before 2025-09-07 are eligible.
    const result = await restarted.compact(3);
    expect(result).toEqual({
      cutoffDay: '2025-09-07',
      removedFiles: ['journal/2025-09-01.jsonl'],
      removedEntries: 2,
      kept: [{ file: 'journal/2025-09-02.jsonl', reason: '1 of 2 check-in(s) not acknowledged by the server' }],
    });
    expect(readdirSync(journalDir()).sort()).toEqual(['2025-09-02.jsonl', '2025-09-10.jsonl', 'acks.jsonl']);
    // The acks log lost the removed ids only.
    const ackText = readFileSync(join(journalDir(), 'acks.jsonl'), 'utf8');
    expect(ackText).not.toContain(old[0]!.id);
    expect(ackText).toContain(today[0]!.id);

    // Acknowledged today, but within the retention: stays. Acking the rest of 09-02 frees it.
    await restarted.ack([partly[1]!.id]);
    expect((await restarted.compact(3)).removedFiles).toEqual(['journal/2025-09-02.jsonl']);
    expect((await restarted.compact(3)).removedFiles).toEqual([]);
    const left = await new Journal({ dir: journalDir() }).readAll();
    expect(left.entries).toEqual([{ checkIn: today[0], acked: true }]);
    await restarted.close();
  });

  it('keeps an old, acknowledged day file that has an unreadable line', async () => {
    const journal = new Journal({ dir: journalDir(), now: () => NOW });
    const c = checkIn(1, '2025-08-01');
    await journal.append(c);
    await journal.ack([c.id]);
    appendFileSync(join(journalDir(), '2025-08-01.jsonl'), '{"v":1,"crc":"00000000","c":{"id"');
    const result = await journal.compact(7);
    expect(result.removedFiles).toEqual([]);
    expect(result.kept).toEqual([{ file: 'journal/2025-08-01.jsonl', reason: '1 unreadable line(s); first at line 2' }]);
    await expect(journal.compact(-1)).rejects.toMatchObject({ code: 'bad_input' });
    await journal.close();
  });

  it('reports its size', async () => {
    const journal = new Journal({ dir: journalDir() });
    expect(await journal.size()).toEqual({ bytes: 0, files: 0 });
    const { bytes } = await journal.append(checkIn(1));
    await journal.ack([checkIn(1).id]);
    const size = await journal.size();
    expect(size.files).toBe(2);
    expect(size.bytes).toBeGreaterThan(bytes);
    await journal.close();
  });
});

describe('volume', () => {
  it('reads 100,000 lines back in order across days', async () => {
    await fsp.mkdir(journalDir(), { recursive: true });
    const days = ['2025-09-10', '2025-09-11', '2025-09-12', '2025-09-13'];
    const ids: string[] = [];
    for (const [d, day] of days.entries()) {
      const lines: string[] = [];
      for (let i = 0; i < 25_000; i += 1) {
        const c = checkIn(d * 25_000 + i, day);
        ids.push(c.id);
        lines.push(encodeLine('c', c));
      }
      writeFileSync(join(journalDir(), `${day}.jsonl`), lines.join(''));
    }
    const started = performance.now();
    const dump = await new Journal({ dir: journalDir() }).readAll();
    const ms = performance.now() - started;
    console.log(`journal: read 100,000 lines in ${ms.toFixed(0)} ms`);
    expect(dump.problems).toEqual([]);
    expect(dump.entries).toHaveLength(100_000);
    expect(dump.entries.every((e, i) => e.checkIn.id === ids[i])).toBe(true);
    expect(ms).toBeLessThan(15_000);
  });
});
