// Storage: a pulled roster page against local rows (fake-indexeddb). A row an online
// decision refreshed may be newer than the page's copy and must survive the page;
// an older or equal one takes the page's. Both ways of finding the newer rows are
// covered: the walk of the sparse `ahead` index (few newer rows) and the per-code
// read (many).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TurnoutDb } from '../../../renderer/storage/db';
import { applyTicketsPage } from '../../../renderer/storage/replica';
import { putTickets, toPulledRow } from '../../../renderer/storage/roster';
import { getCursor } from '../../../renderer/storage/sync-meta';
import type { Ticket } from '../../../core/model';

const ticket = (code: string, seq: number, name = `page ${seq}`): Ticket => ({
  code, name, company: 'Acme', category: 'visitor', programmes: [], status: 'valid', seq,
});

let db: TurnoutDb;
beforeEach(() => {
  db = new TurnoutDb(`r-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const page = (...tickets: Ticket[]) => tickets.map(toPulledRow);
const names = async () => Object.fromEntries((await db.tickets.toArray()).map((t) => [t.code, `${t.name}@${t.seq}`]));

describe('applyTicketsPage', () => {
  it('stores a first page and its cursor in one go', async () => {
    await applyTicketsPage(db, page(ticket('A', 1), ticket('B', 2)), 2);
    expect(await names()).toEqual({ A: 'page 1@1', B: 'page 2@2' });
    expect(await getCursor(db, 'tickets')).toBe(2);
    expect((await db.tickets.get('A'))?.keys.length).toBeGreaterThan(0);
  });

  it('keeps a newer local row, overwrites older and equal ones', async () => {
    await putTickets(db, [ticket('NEWER', 50, 'decided online'), ticket('OLDER', 5, 'stale'), ticket('EQUAL', 11, 'same seq')]);
    await applyTicketsPage(db, page(ticket('NEWER', 10), ticket('EQUAL', 11), ticket('OLDER', 12), ticket('FRESH', 13)), 13);
    expect(await names()).toEqual({ NEWER: 'decided online@50', OLDER: 'page 12@12', EQUAL: 'page 11@11', FRESH: 'page 13@13' });
  });

  it('still keeps newer rows when more local rows are above the page than the page holds', async () => {
    // 5 local rows above the page's lowest seq, a page of 3: the per-code read decides.
    await putTickets(db, [ticket('X', 100, 'decided'), ...['p', 'q', 'r', 's'].map((c, i) => ticket(c, 200 + i, 'other'))]);
    await applyTicketsPage(db, page(ticket('X', 20), ticket('Y', 21), ticket('p', 300)), 300);
    const got = await names();
    expect(got.X).toBe('decided@100');
    expect(got.Y).toBe('page 21@21');
    expect(got.p).toBe('page 300@300');
  });

  it('marks only rows written outside the pull stream as ahead, and a newer pulled copy clears the mark', async () => {
    await putTickets(db, [ticket('ONLINE', 40, 'decided online'), ticket('IMPORTED', 0, 'csv')]);
    await applyTicketsPage(db, page(ticket('A', 1)), 1);
    const ahead = async () => (await db.tickets.where('ahead').above(0).primaryKeys()).sort();
    expect(await ahead()).toEqual(['ONLINE']);
    await applyTicketsPage(db, page(ticket('ONLINE', 45)), 45);
    expect(await ahead()).toEqual([]);
    expect((await names()).ONLINE).toBe('page 45@45');
  });
});
