// Storage: pulled roster pages against local rows (fake-indexeddb). A row an online
// decision refreshed may be newer than the page's copy and must survive the page;
// an older or equal one takes the page's. A first sync into an empty roster skips
// the per-code lookups, and must still never store a code twice: not when the
// server updated a ticket during the sync, not when a desk decided online
// meanwhile, not when the sync resumed after a crash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TurnoutDb } from '../../../renderer/storage/db';
import { applyTicketsPage, startTicketsRun } from '../../../renderer/storage/replica';
import { findTicket, putTickets } from '../../../renderer/storage/roster';
import { CHUNK_ROWS, writeTickets } from '../../../renderer/storage/roster-store';
import { getCursor } from '../../../renderer/storage/sync-meta';
import type { Ticket } from '../../../core/model';
import { expectChunksSound } from './roster-invariant';

const ticket = (code: string, seq: number, name = `page ${seq}`): Ticket => ({
  code, name, company: 'Acme', category: 'visitor', programmes: [], status: 'valid', seq,
});

let db: TurnoutDb;
beforeEach(() => {
  db = new TurnoutDb(`r-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const names = async () => Object.fromEntries((await expectChunksSound(db)).map((t) => [t.code, `${t.name}@${t.seq}`]));
const codes = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `T${String(from + i).padStart(5, '0')}`);

describe('applyTicketsPage', () => {
  it('stores a first page and its cursor in one go', async () => {
    await applyTicketsPage(db, [ticket('A', 1), ticket('B', 2)], 2);
    expect(await names()).toEqual({ A: 'page 1@1', B: 'page 2@2' });
    expect(await getCursor(db, 'tickets')).toBe(2);
  });

  it('keeps a newer local row, overwrites older and equal ones', async () => {
    await putTickets(db, [ticket('NEWER', 50, 'decided online'), ticket('OLDER', 5, 'stale'), ticket('EQUAL', 11, 'same seq')]);
    await applyTicketsPage(db, [ticket('NEWER', 10), ticket('EQUAL', 11), ticket('OLDER', 12), ticket('FRESH', 13)], 13);
    expect(await names()).toEqual({ NEWER: 'decided online@50', OLDER: 'page 12@12', EQUAL: 'page 11@11', FRESH: 'page 13@13' });
  });

  it('replaces a row in its chunk and appends new codes to the last chunk, then to new ones', async () => {
    const full = CHUNK_ROWS;
    await applyTicketsPage(db, codes(full + 20).map((c, i) => ticket(c, i + 1)), full + 20);
    expect((await db.roster.toArray()).map((c) => c.rows.length)).toEqual([full, 20]);
    await applyTicketsPage(db, [ticket('T00003', 500, 'renamed'), ...codes(full + 10, full + 20).map((c, i) => ticket(c, 501 + i))], 1000);
    expect((await db.roster.toArray()).map((c) => c.rows.length)).toEqual([full, full, 30]);
    expect((await findTicket(db, 'T00003'))?.name).toBe('renamed');
    expect(Object.keys(await names())).toHaveLength(2 * full + 30);
  });
});

describe('a first sync into an empty roster (fresh run)', () => {
  it('is fresh only from cursor 0 into an empty roster', async () => {
    expect((await startTicketsRun(db)).seen).toBeDefined();
    await applyTicketsPage(db, [ticket('A', 1)], 1);
    expect((await startTicketsRun(db)).seen).toBeUndefined();
  });

  it('stores a ticket the server updated during the sync once, at its newer version', async () => {
    const run = await startTicketsRun(db);
    await applyTicketsPage(db, codes(120).map((c, i) => ticket(c, i + 1)), 120, run);
    // T00007 was edited on the server meanwhile: it comes again at the end of the stream.
    await applyTicketsPage(db, [ticket('T00007', 121, 'edited'), ticket('LAST', 122)], 122, run);
    const got = await names();
    expect(Object.keys(got)).toHaveLength(121);
    expect(got.T00007).toBe('edited@121');
  });

  it('stores a ticket a desk decided online during the sync once, keeping the newer copy', async () => {
    const run = await startTicketsRun(db);
    await applyTicketsPage(db, codes(50).map((c, i) => ticket(c, i + 1)), 50, run);
    // Online decisions: one for a ticket not pulled yet (seq 300, the page below
    // carries seq 60), one older than the copy a later page brings.
    await writeTickets(db, [ticket('AHEAD', 300, 'decided online')], { rule: 'newer', source: 'local' });
    await writeTickets(db, [ticket('BEHIND', 55, 'decided online')], { rule: 'newer', source: 'local' });
    await applyTicketsPage(db, [ticket('BEHIND', 58), ticket('AHEAD', 60), ticket('AFTER', 61)], 61, run);
    const got = await names();
    expect(got.AHEAD).toBe('decided online@300');
    expect(got.BEHIND).toBe('page 58@58');
    expect(Object.keys(got)).toHaveLength(53);
  });

  it('resumed after a crash (a new run, not fresh), still stores each code once', async () => {
    const first = await startTicketsRun(db);
    await applyTicketsPage(db, codes(100).map((c, i) => ticket(c, i + 1)), 100, first);
    // The app restarts: the in-memory run is gone.
    const resumed = await startTicketsRun(db);
    await applyTicketsPage(db, [ticket('T00001', 101, 'edited'), ...codes(10, 100).map((c, i) => ticket(c, 102 + i))], 111, resumed);
    const got = await names();
    expect(Object.keys(got)).toHaveLength(110);
    expect(got.T00001).toBe('edited@101');
  });
});
