// The check-in path with its second copy: recordScan writes IndexedDB (fake-indexeddb)
// and the real on-disk journal (electron/journal.ts on this machine's file system)
// side by side; a start with an emptied database gets every check-in back once; a
// journal that cannot write turns the verdict into the error screen.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Checkpoint } from '../../../core/model';
import { Journal } from '../../../electron/journal';
import { TurnoutDb } from '../../../renderer/storage/db';
import { outboxCount, recordScan } from '../../../renderer/storage/checkin';
import { putTickets } from '../../../renderer/storage/roster';
import { recoverAtStart, type JournalSource } from '../../../renderer/storage/recovery';
import { UNJOURNALED_KEY } from '../../../renderer/storage/journaled-write';
import { getMeta } from '../../../renderer/storage/db';

const desk: Checkpoint = { id: 'info-desk', eventId: 'e', name: { ko: '안내', en: 'Info' }, rule: 'unlimited', mode: 'entry' };

/** The journal as the page sees it through window.kiosk: Results, never throws. */
function asSource(j: Journal): JournalSource {
  const wrap = async <T>(run: () => Promise<T>) => {
    try {
      return { ok: true as const, value: await run() };
    } catch (err) {
      const e = err as { code?: string; message: string };
      return { ok: false as const, error: { code: e.code === 'disk_full' ? ('disk_full' as const) : ('io_error' as const), message: e.message } };
    }
  };
  return { append: (c) => wrap(() => j.append(c)), readAll: () => wrap(() => j.readAll()) };
}

let dir: string;
const freshDb = () => new TurnoutDb(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'turnout-path-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function seeded(): Promise<TurnoutDb> {
  const db = freshDb();
  await putTickets(db, [{ code: 'ICW25-AAAA', name: '김철현', company: '한빛', category: 'visitor', programmes: [], status: 'valid', seq: 0 }]);
  return db;
}

describe('check-in path with the journal', () => {
  it('journals every stored check-in, and an emptied database gets them all back exactly once', async () => {
    const journal = new Journal({ dir: join(dir, 'journal') });
    const source = asSource(journal);
    const db = await seeded();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const out = await recordScan(db, { raw: i === 4 ? 'NOPE-1234' : 'ICW25-AAAA', checkpoint: desk, timeZone: 'Asia/Seoul', deviceId: 'k1', direction: 'entry', now: Date.parse('2025-09-10T01:00:00Z') + i * 1000, journal: source });
      expect(out.kind).toBe('stored');
      if (out.kind === 'stored') ids.push(out.checkIn.id);
    }
    db.close();

    // IndexedDB reset (disk filled, app update): a new, empty database.
    const wiped = freshDb();
    const report = await recoverAtStart(wiped, asSource(new Journal({ dir: join(dir, 'journal') })));
    expect(report?.recovered).toBe(5);
    expect(report?.reasons.map((r) => r.code)).toEqual(['database_empty']);
    expect((await wiped.checkins.toCollection().primaryKeys()).sort()).toEqual([...ids].sort());
    expect(await outboxCount(wiped)).toBe(5);

    const again = await recoverAtStart(wiped, source);
    expect(again?.recovered).toBe(0);
    expect(await wiped.checkins.count()).toBe(5);
    await journal.close();
  });

  it('shows the error screen when the journal cannot write, keeps the real scan and flags it for a later append', async () => {
    const notADir = join(dir, 'journal');
    writeFileSync(notADir, 'a file where the journal folder should be');
    const db = await seeded();
    const out = await recordScan(db, { raw: 'ICW25-AAAA', checkpoint: desk, timeZone: 'Asia/Seoul', deviceId: 'k1', direction: 'entry', now: Date.parse('2025-09-10T01:00:00Z'), journal: asSource(new Journal({ dir: notADir })) });
    expect(out.kind).toBe('store_failed');
    expect(await db.checkins.count()).toBe(1);
    const [row] = await db.checkins.toArray();
    expect(await getMeta<string[]>(db, UNJOURNALED_KEY)).toEqual([row!.id]);

    // The disk is fixed: the next start appends the flagged row.
    rmSync(notADir);
    const healed = new Journal({ dir: notADir });
    await recoverAtStart(db, asSource(healed));
    expect((await healed.readAll()).entries.map((e) => e.checkIn.id)).toEqual([row!.id]);
    expect(await getMeta<string[]>(db, UNJOURNALED_KEY)).toEqual([]);
    await healed.close();
  });
});
