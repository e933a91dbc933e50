// Badges that did not print survive the page (badge/persist.ts): a failed badge and
// one that was printing when the page went away come back after a "restart" (a new
// BadgeJobs over the same database) as failures with a retry — the interrupted one
// marked so — a retry that prints clears them for good, and no name is kept in the
// database (the ticket is read back from the roster).
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fail, ok, type PrintOutcome, type Result } from '../../../core/kiosk-api';
import { demoTicket } from '../../../core/demo/roster';
import { BadgeJobs } from '../../../renderer/badge/jobs';
import { BADGE_OPEN_KEY, keepOpenBadges, restoreOpenBadges } from '../../../renderer/badge/persist';
import { getMeta, TurnoutDb } from '../../../renderer/storage/db';
import { writeTickets } from '../../../renderer/storage/roster-store';

const kim = demoTicket(0);
const lee = demoTicket(1);
const badge = (t: typeof kim) => ({ code: t.code, name: t.name, company: t.company, category: t.category });
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('badges not printed outlive the page', () => {
  let factory: IDBFactory;
  let db: TurnoutDb;
  const name = `persist-${Math.random()}`;
  beforeEach(async () => {
    factory = new IDBFactory();
    db = new TurnoutDb(name, { indexedDB: factory, IDBKeyRange });
    await writeTickets(db, [kim, lee], { rule: 'replace', source: 'local' });
  });

  it('a failed badge and one cut off while printing come back failed, with a retry that clears them', async () => {
    const before = new BadgeJobs();
    const stop = keepOpenBadges(db, before);
    await before.print('c1', badge(kim), async () => fail('print_failed', 'Printing failed: Print job failed'));
    void before.print('c2', badge(lee), () => new Promise<Result<PrintOutcome>>(() => {})); // never answers
    await before.print('c3', badge(kim), async () => ok({ printerName: null }), { reprint: true });
    await settle();
    stop();
    // Only the two open badges are kept, by code: no name in the database.
    const kept = await getMeta<{ key: string; code: string; state: string }[]>(db, BADGE_OPEN_KEY);
    expect(kept?.map((r) => [r.key, r.code, r.state])).toEqual([['c1', kim.code, 'failed'], ['c2', lee.code, 'printing']]);
    expect(JSON.stringify(kept)).not.toContain(kim.name);

    // "Restart": a new page, the same database.
    db.close();
    db = new TurnoutDb(name, { indexedDB: factory, IDBKeyRange });
    const after = new BadgeJobs();
    expect(await restoreOpenBadges(db, after)).toBe(2);
    expect(after.failed().map((j) => [j.key, j.ticket.name, j.error, j.interrupted === true])).toEqual([
      ['c1', kim.name, 'Printing failed: Print job failed', false],
      ['c2', lee.name, undefined, true],
    ]);
    const stop2 = keepOpenBadges(db, after);
    expect((await after.print('c2', badge(lee), async () => ok({ printerName: null }))).state).toBe('printed');
    after.dismiss('c1');
    await settle();
    stop2();
    expect(await getMeta(db, BADGE_OPEN_KEY)).toEqual([]);
    const third = new BadgeJobs();
    expect(await restoreOpenBadges(db, third)).toBe(0);
    expect(third.failed()).toEqual([]);
  });

  it('restoring never overwrites a badge this page already prints', async () => {
    const jobs = new BadgeJobs();
    await jobs.print('c1', badge(kim), async () => ok({ printerName: null }));
    jobs.restore([{ key: 'c1', ticket: badge(kim), reprint: false, state: 'failed', attempts: 1 }]);
    expect(jobs.get('c1')?.state).toBe('printed');
  });
});
