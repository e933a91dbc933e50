// Badge jobs: one per check-in, so a double tap never prints two badges; a failed
// print stays listed with its reason until a retry prints it or staff dismiss it;
// a printer that throws is a failure like any other. And the desk's setting:
// stored per device, and a damaged row reads as "printing off".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fail, ok, type PrintOutcome, type Result } from '../../../core/kiosk-api';
import { BadgeJobs } from '../../../renderer/badge/jobs';
import { BADGE_SETTINGS_KEY, DEFAULT_BADGE_SETTINGS, loadBadgeSettings, saveBadgeSettings } from '../../../renderer/badge/settings';
import { printBadgeFor, retryBadge } from '../../../renderer/badge';
import { setMeta, TurnoutDb } from '../../../renderer/storage/db';
import type { BadgeTicket } from '../../../renderer/badge/print';

const kim: BadgeTicket = { code: 'ICW25-AAAA', name: '김철현', company: '(주)한빛정밀', category: 'visitor' };

function printer(answers: Result<PrintOutcome>[]) {
  const printed: BadgeTicket[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  return {
    printed,
    holdNext() {
      hold = true;
    },
    release: () => release?.(),
    print: async (t: BadgeTicket): Promise<Result<PrintOutcome>> => {
      printed.push(t);
      if (hold) {
        hold = false;
        await new Promise<void>((r) => (release = r));
      }
      return answers.shift() ?? ok({ printerName: 'QL-820NWB' });
    },
  };
}

describe('badge jobs', () => {
  it('prints once per check-in: asking again while printing or after it printed prints nothing more', async () => {
    const jobs = new BadgeJobs();
    const p = printer([]);
    p.holdNext();
    const first = jobs.print('c1', kim, p.print);
    await Promise.resolve();
    expect(jobs.get('c1')?.state).toBe('printing');
    const again = await jobs.print('c1', kim, p.print);
    expect(again.state).toBe('printing');
    p.release();
    expect(await first).toMatchObject({ state: 'printed', printerName: 'QL-820NWB', attempts: 1 });
    expect((await jobs.print('c1', kim, p.print)).state).toBe('printed');
    expect(p.printed).toHaveLength(1);
  });

  it('keeps a failure with its reason until a retry prints it; tells listeners at each step', async () => {
    const jobs = new BadgeJobs();
    const p = printer([fail('print_failed', 'Printing failed: Print job canceled')]);
    const seen: string[] = [];
    jobs.subscribe(() => seen.push(jobs.get('c1')?.state ?? 'none'));
    const failed = await jobs.print('c1', kim, p.print);
    expect(failed).toMatchObject({ state: 'failed', error: 'Printing failed: Print job canceled', attempts: 1 });
    expect(jobs.failed().map((j) => j.key)).toEqual(['c1']);
    const retried = await jobs.print('c1', kim, p.print);
    expect(retried).toMatchObject({ state: 'printed', attempts: 2 });
    expect(jobs.failed()).toEqual([]);
    expect(seen).toEqual(['printing', 'failed', 'printing', 'printed']);
    expect(p.printed).toHaveLength(2);
  });

  it('turns a printer that throws into a failure, and lets staff dismiss only failures', async () => {
    const jobs = new BadgeJobs();
    const boom = async () => {
      throw new Error('bridge gone');
    };
    expect(await jobs.print('c2', kim, boom)).toMatchObject({ state: 'failed', error: 'bridge gone' });
    await jobs.print('c3', kim, printer([]).print);
    jobs.dismiss('c3'); // printed: not a failure, stays
    jobs.dismiss('c2');
    expect(jobs.get('c2')).toBeUndefined();
    expect(jobs.get('c3')?.state).toBe('printed');
  });

  it('forgets old printed jobs but never a failure', async () => {
    const jobs = new BadgeJobs(2);
    await jobs.print('bad', kim, async () => fail('print_failed', 'jam'));
    for (const k of ['a', 'b', 'c', 'd']) await jobs.print(k, kim, printer([]).print);
    expect(['a', 'b', 'c', 'd', 'bad'].map((k) => jobs.get(k)?.state)).toEqual([undefined, undefined, 'printed', 'printed', 'failed']);
  });
});

describe('badge settings and printBadgeFor', () => {
  let db: TurnoutDb;
  beforeEach(() => {
    db = new TurnoutDb(`b-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  });
  afterEach(() => db.close());

  it('stores the desk setting, and reads a damaged one as printing off', async () => {
    expect(await loadBadgeSettings(db)).toEqual(DEFAULT_BADGE_SETTINGS);
    await saveBadgeSettings(db, { enabled: true, template: 'card4x3', printerName: 'Brother_QL_820NWB' });
    expect(await loadBadgeSettings(db)).toEqual({ enabled: true, template: 'card4x3', printerName: 'Brother_QL_820NWB' });
    await setMeta(db, BADGE_SETTINGS_KEY, { enabled: true, template: 'letter', printerName: null });
    expect(await loadBadgeSettings(db)).toEqual(DEFAULT_BADGE_SETTINGS);
    await expect(saveBadgeSettings(db, { enabled: true, template: 'nope' as never, printerName: null })).rejects.toThrow();
  });

  it('prints nothing at a desk that does not print badges', async () => {
    const jobs = new BadgeJobs();
    expect(await printBadgeFor(kim, { db, checkInId: 'c1', jobs })).toBeNull();
    expect(jobs.get('c1')).toBeUndefined();
    // A retry of a job that is not failed prints nothing either.
    expect(await retryBadge('c1', { db, jobs })).toBeNull();
  });
});
