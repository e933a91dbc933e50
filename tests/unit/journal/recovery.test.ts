// Recovery from the journal into IndexedDB (fake-indexeddb) and the two-copy write:
// a wiped database gets every journaled check-in back exactly once, acknowledged
// ones as `stored` and the rest in the outbox, a second start recovers nothing;
// and the write helper's failure matrix (journal down, database down, both, none).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../core/kiosk-api';
import type { CheckIn } from '../../../core/model';
import { Journal, type JournalError } from '../../../electron/journal';
import { getMeta, TurnoutDb } from '../../../renderer/storage/db';
import { journaled, retryUnjournaled, UNJOURNALED_KEY, writeCheckIn, type JournalSink } from '../../../renderer/storage/journaled-write';
import { markAcknowledged, pendingIds } from '../../../renderer/storage/outbox';
import { recoverFromJournal } from '../../../renderer/storage/recovery';
import { checkIn, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
let journal: Journal;
const dbs: TurnoutDb[] = [];
const openDb = (name = `t-${Math.random()}`) => {
  const db = new TurnoutDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  dbs.push(db);
  return db;
};

/** platform.journal over a real Journal, as renderer/platform/electron.ts shapes it. */
const sinkOf = (j: Journal): JournalSink => ({
  append: (c) => j.append(c).then(ok, (e: JournalError) => fail(e.code, e.message)),
});

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  journal = new Journal({ dir });
});
afterEach(async () => {
  await journal.close();
  dbs.splice(0).forEach((db) => db.close());
  cleanup();
});

describe('recoverFromJournal', () => {
  it('restores a wiped database exactly once; acknowledged rows stay out of the outbox', async () => {
    const before = openDb();
    const all = Array.from({ length: 5 }, (_, i) => checkIn(i, i < 3 ? '2025-09-10' : '2025-09-11'));
    for (const c of all) expect(await writeCheckIn(before, c, sinkOf(journal))).toMatchObject({ ok: true, journaled: true });
    // The server stored the first two.
    await markAcknowledged(before, [all[0]!, all[1]!].map((c) => ({ id: c.id, status: 'stored' as const })));
    await journal.ack([all[0]!.id, all[1]!.id]);

    // An update wipes IndexedDB: a fresh, empty database.
    const after = openDb();
    const dump = await journal.readAll();
    const report = await recoverFromJournal(after, dump.entries, { problems: dump.problems });
    expect(report).toEqual({
      recovered: 5,
      intoOutbox: 3,
      alreadyPresent: 0,
      days: ['2025-09-10', '2025-09-11'],
      reasons: [{ code: 'database_empty', count: 5, message: expect.stringContaining('The database was empty') }],
    });
    expect(await pendingIds(after)).toEqual(all.slice(2).map((c) => c.id));
    expect((await after.checkins.get(all[0]!.id))?.syncState).toBe('stored');
    expect(await after.checkins.get(all[3]!.id)).toEqual(all[3]);

    // Second start: nothing to do.
    const again = await recoverFromJournal(after, (await journal.readAll()).entries);
    expect(again).toEqual({ recovered: 0, intoOutbox: 0, alreadyPresent: 5, days: [], reasons: [] });
    expect(await after.checkins.count()).toBe(5);
  });

  it('restores only the rows missing from an older copy, and reports skipped journal lines', async () => {
    const db = openDb();
    const all = Array.from({ length: 4 }, (_, i) => checkIn(i));
    for (const c of all) await writeCheckIn(db, c, sinkOf(journal));
    await db.checkins.bulkDelete([all[1]!.id, all[3]!.id]);
    await db.checkins.update(all[0]!.id, { syncState: 'stored' });
    const report = await recoverFromJournal(db, (await journal.readAll()).entries, {
      problems: [{ file: 'journal/2025-09-10.jsonl', line: 9, kind: 'torn', detail: 'cut short' }],
    });
    expect(report.recovered).toBe(2);
    expect(report.alreadyPresent).toBe(2);
    expect(report.reasons.map((r) => [r.code, r.count])).toEqual([['rows_missing', 2], ['journal_problems', 1]]);
    expect(report.reasons[1]?.message).toContain('journal/2025-09-10.jsonl line 9, torn');
    // A row the database still has is left as it is.
    expect((await db.checkins.get(all[0]!.id))?.syncState).toBe('stored');
    expect(await pendingIds(db)).toEqual([all[1]!.id, all[2]!.id, all[3]!.id]);
  });

  it('keeps a journaled non-pending state (online mode rows were stored when written)', async () => {
    const db = openDb();
    const stored = checkIn(1, '2025-09-10', { syncState: 'stored' });
    await journal.append(stored);
    await recoverFromJournal(db, (await journal.readAll()).entries);
    expect(await pendingIds(db)).toEqual([]);
  });
});

describe('writing to both copies', () => {
  const failing = (code: 'disk_full' | 'io_error'): JournalSink => ({ append: async () => fail(code, code === 'disk_full' ? 'no space left on the disk (ENOSPC)' : 'EIO') });

  it('journal down: the row is kept and flagged, the write reports failure, and a later retry journals it', async () => {
    const db = openDb();
    const c = checkIn(1);
    const out = await writeCheckIn(db, c, failing('disk_full'));
    expect(out).toMatchObject({ ok: false, failed: 'journal', kept: 'database', diskFull: true, value: c });
    expect(await db.checkins.get(c.id)).toEqual(c);
    expect(await getMeta(db, UNJOURNALED_KEY)).toEqual([c.id]);
    expect(await retryUnjournaled(db, failing('io_error'))).toMatchObject({ appended: 0, stillFailing: 1, error: 'EIO' });
    expect(await retryUnjournaled(db, sinkOf(journal))).toEqual({ appended: 1, stillFailing: 0, gone: 0 });
    expect(await getMeta(db, UNJOURNALED_KEY)).toEqual([]);
    expect((await journal.readAll()).entries.map((e) => e.checkIn.id)).toEqual([c.id]);
  });

  it('database down: the journal line stays and the next start restores it to the outbox', async () => {
    const db = openDb();
    const c = checkIn(1);
    const out = await journaled(db, sinkOf(journal), (stage) =>
      db.transaction('rw', db.checkins, async () => {
        stage(c);
        await db.checkins.add(c);
        throw Object.assign(new Error('The quota was exceeded'), { name: 'QuotaExceededError' });
      }),
    );
    expect(out).toMatchObject({ ok: false, failed: 'database', kept: 'journal', diskFull: true });
    expect(await db.checkins.count()).toBe(0);
    expect((await recoverFromJournal(db, (await journal.readAll()).entries)).intoOutbox).toBe(1);
  });

  it('both down: nothing kept; no journal (browser): IndexedDB alone', async () => {
    const db = openDb();
    const both = await journaled(db, failing('io_error'), async (stage) => {
      stage(checkIn(1));
      throw new Error('aborted');
    });
    expect(both).toMatchObject({ ok: false, failed: 'both', kept: 'none', diskFull: false, error: 'Database: Error: aborted; journal: EIO' });
    expect(await writeCheckIn(db, checkIn(2))).toMatchObject({ ok: true, journaled: false });
  });

  it('runs the append beside a decide-then-add transaction without breaking it', async () => {
    const db = openDb();
    const slow: JournalSink = { append: (c) => new Promise((resolve) => setTimeout(() => resolve(ok({ id: c.id, file: 'journal/x', bytes: 1 })), 30)) };
    const out = await journaled(db, slow, (stage) =>
      db.transaction('rw', db.roster, db.checkins, async () => {
        const history = await db.checkins.where('code').equals(checkIn(1).code).toArray();
        const record: CheckIn = { ...checkIn(1), verdict: history.length ? 'rejected' : 'accepted' };
        stage(record);
        await db.checkins.add(record);
        return record;
      }),
    );
    expect(out).toMatchObject({ ok: true, journaled: true, value: { verdict: 'accepted' } });
    expect(await db.checkins.count()).toBe(1);
  });
});
