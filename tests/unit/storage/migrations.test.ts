// Schema migration: a database as every earlier schema version left it opens with
// today's TurnoutDb; check-ins (the outbox included), config and meta come through
// untouched, the roster keeps every ticket (in today's chunks), and search works
// with today's keys.
// Each fixture is frozen as that version wrote it (literal rows, its own search
// keys): a new schema version adds one entry to FIXTURES and never edits the others.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SCHEMA_VERSIONS, TurnoutDb } from '../../../renderer/storage/db';
import { outboxCount } from '../../../renderer/storage/checkin';
import { applyTicketsPage } from '../../../renderer/storage/replica';
import { findTicket, loadConfig, searchTickets } from '../../../renderer/storage/roster';
import type { CheckIn, Ticket } from '../../../core/model';
import { expectChunksSound } from './roster-invariant';
import { latestOfDevice } from '../../../renderer/storage/voids';

interface Fixture {
  version: number;
  /** v1, v2: a record per ticket (with its keys). */
  tickets?: Record<string, unknown>[];
  /** v3 on: chunks of tickets. */
  roster?: Record<string, unknown>[];
  checkins: CheckIn[];
  config: Record<string, unknown>[];
  meta: { key: string; value: unknown }[];
}

const WEEK = { validFrom: '2025-09-08T00:00:00+09:00', validUntil: '2025-09-15T00:00:00+09:00' };
const checkIn = (id: string, code: string, syncState: CheckIn['syncState']): CheckIn => ({
  id, code, checkpointId: 'hall-a', deviceId: 'kiosk-1', direction: 'entry', verdict: 'accepted',
  scannedAt: '2025-09-10T10:00:00.000+09:00', day: '2025-09-10', syncState,
});

const FIXTURES: Fixture[] = [
  {
    version: 1,
    tickets: [
      {
        code: 'ICW25-DTF59U9Z6R', name: '김철현', company: '(주)한빛정밀', category: 'visitor', programmes: ['gg-robot-hall'],
        ...WEEK, status: 'valid', seq: 1,
        keys: ['ㄱㅣㅁㅊㅓㄹㅎㅕㄴ', 'ㄱㅊㅎ', 'ㅈㅜㅎㅏㄴㅂㅣㅊㅈㅓㅇㅁㅣㄹ', 'ㅈㅜ', 'ㅎㅏㄴㅂㅣㅊㅈㅓㅇㅁㅣㄹ', 'ㅈㅎㅂㅈㅁ'],
      },
      {
        code: 'ICW25-ZXNZGPVWCP', name: 'Jane Doe', company: 'Northwind Trading Ltd.', category: 'buyer', programmes: [],
        status: 'valid', seq: 2, note: 'interpreter',
        keys: ['janedoe', 'jane', 'doe', 'northwindtradingltd', 'northwind', 'trading', 'ltd'],
      },
      // Refreshed by an online decision ahead of the pull cursor (2).
      {
        code: 'ICW25-BJ23E93TMK', name: '최민수', company: '세진기계(주)', category: 'visitor', programmes: [],
        status: 'revoked', seq: 9, keys: ['ㅊㅗㅣㅁㅣㄴㅅㅜ', 'ㅊㅁㅅ', 'ㅅㅔㅈㅣㄴㄱㅣㄱㅖㅈㅜ', 'ㅅㅔㅈㅣㄴㄱㅣㄱㅖ', 'ㅈㅜ', 'ㅅㅈㄱㄱㅈ'],
      },
      // Imported from a CSV before pairing.
      { code: 'LOCAL-0001', name: 'Ann Lee', company: '', category: 'staff', programmes: [], status: 'valid', seq: 0, keys: ['annlee', 'ann', 'lee'] },
    ],
    checkins: [
      checkIn('0199318a-7c00-7000-8000-000000000001', 'ICW25-DTF59U9Z6R', 'pending'),
      checkIn('0199318a-7c00-7000-8000-000000000002', 'ICW25-ZXNZGPVWCP', 'stored'),
      { ...checkIn('0199318a-7c00-7000-8000-000000000003', 'ICW25-DTF59U9Z6R', 'conflict'), deviceId: 'kiosk-2' },
      { ...checkIn('0199318a-7c00-7000-8000-000000000004', 'ICW25-BJ23E93TMK', 'pending'), verdict: 'rejected', reason: 'revoked' },
    ],
    config: [{
      key: 'current',
      event: { id: 'icw2025', name: { ko: '산업단지 박람회', en: 'Industrial Complex Week' }, timeZone: 'Asia/Seoul', days: ['2025-09-10'] },
      programmes: [],
      checkpoints: [{ id: 'hall-a', eventId: 'icw2025', name: { ko: 'A홀', en: 'Hall A' }, rule: 'unlimited', mode: 'entry' }],
    }],
    meta: [
      { key: 'sync.pairing', value: { server: 'https://turnout.example', deviceId: 'kiosk-1', token: 't', eventId: 'icw2025', checkpointId: 'hall-a', name: 'Desk 1', pairedAt: '2025-09-09T08:00:00.000Z' } },
      { key: 'sync.cursor.tickets', value: 2 },
      { key: 'sync.cursor.checkins', value: 7 },
      { key: 'sync.quarantine', value: { '0199318a-7c00-7000-8000-000000000004': { error: '422', at: 1, retryAt: 2 } } },
      { key: 'session', value: { checkpointId: 'hall-a', direction: 'entry' } },
    ],
  },
  {
    // Schema v2: one record per ticket, fewer keys, `ahead` on rows past the cursor.
    version: 2,
    tickets: [
      {
        code: 'ICW25-DTF59U9Z6R', name: '김철현', company: '(주)한빛정밀', category: 'visitor', programmes: ['gg-robot-hall'],
        ...WEEK, status: 'valid', seq: 1, keys: ['ㄱㅣㅁㅊㅓㄹㅎㅕㄴ', 'ㄱㅊㅎ', 'ㅎㅏㄴㅂㅣㅊㅈㅓㅇㅁㅣㄹ'],
      },
      {
        code: 'ICW25-ZXNZGPVWCP', name: 'Jane Doe', company: 'Northwind Trading Ltd.', category: 'buyer', programmes: [],
        status: 'valid', seq: 2, note: 'interpreter', keys: ['janedoe', 'doe', 'northwindtrading'],
      },
      // Refreshed by an online decision ahead of the pull cursor (2).
      {
        code: 'ICW25-BJ23E93TMK', name: '최민수', company: '세진기계(주)', category: 'visitor', programmes: [],
        status: 'revoked', seq: 9, ahead: 9, keys: ['ㅊㅗㅣㅁㅣㄴㅅㅜ', 'ㅊㅁㅅ', 'ㅅㅔㅈㅣㄴㄱㅣㄱㅖ'],
      },
      // Imported from a CSV before pairing.
      { code: 'LOCAL-0001', name: 'Ann Lee', company: '', category: 'staff', programmes: [], status: 'valid', seq: 0, keys: ['annlee', 'lee'] },
    ],
    checkins: [
      checkIn('0199318a-7c00-7000-8000-000000000011', 'ICW25-DTF59U9Z6R', 'pending'),
      checkIn('0199318a-7c00-7000-8000-000000000012', 'ICW25-ZXNZGPVWCP', 'stored'),
      { ...checkIn('0199318a-7c00-7000-8000-000000000013', 'ICW25-DTF59U9Z6R', 'conflict'), deviceId: 'kiosk-2' },
    ],
    config: [{
      key: 'current',
      event: { id: 'icw2025', name: { ko: '산업단지 박람회', en: 'Industrial Complex Week' }, timeZone: 'Asia/Seoul', days: ['2025-09-10'] },
      programmes: [],
      checkpoints: [{ id: 'hall-a', eventId: 'icw2025', name: { ko: 'A홀', en: 'Hall A' }, rule: 'unlimited', mode: 'entry' }],
    }],
    meta: [
      { key: 'sync.pairing', value: { server: 'https://turnout.example', deviceId: 'kiosk-1', token: 't', eventId: 'icw2025', checkpointId: 'hall-a', name: 'Desk 1', pairedAt: '2025-09-09T08:00:00.000Z' } },
      { key: 'sync.cursor.tickets', value: 2 },
      { key: 'sync.cursor.checkins', value: 7 },
      { key: 'session', value: { checkpointId: 'hall-a', direction: 'entry' } },
    ],
  },
  {
    // Schema v3: the roster in chunks (codes, keys and each row's keys), check-ins by [day+id].
    version: 3,
    roster: [
      {
        id: 1,
        codes: ['ICW25-BJ23E93TMK', 'ICW25-DTF59U9Z6R', 'ICW25-ZXNZGPVWCP', 'LOCAL-0001'],
        keys: ['ㅊㅗㅣㅁㅣㄴㅅㅜ', 'ㅊㅁㅅ', 'ㅅㅔㅈㅣㄴㄱㅣㄱㅖ', 'ㄱㅣㅁㅊㅓㄹㅎㅕㄴ', 'ㄱㅊㅎ', 'ㅎㅏㄴㅂㅣㅊㅈㅓㅇㅁㅣㄹ', 'janedoe', 'doe', 'northwindtrading', 'annlee', 'lee'],
        rows: [
          { code: 'ICW25-BJ23E93TMK', name: '최민수', company: '세진기계(주)', category: 'visitor', programmes: [], status: 'revoked', seq: 9 },
          { code: 'ICW25-DTF59U9Z6R', name: '김철현', company: '(주)한빛정밀', category: 'visitor', programmes: ['gg-robot-hall'], ...WEEK, status: 'valid', seq: 1 },
          { code: 'ICW25-ZXNZGPVWCP', name: 'Jane Doe', company: 'Northwind Trading Ltd.', category: 'buyer', programmes: [], status: 'valid', seq: 2, note: 'interpreter' },
          { code: 'LOCAL-0001', name: 'Ann Lee', company: '', category: 'staff', programmes: [], status: 'valid', seq: 0 },
        ],
        rowKeys: [
          ['ㅊㅗㅣㅁㅣㄴㅅㅜ', 'ㅊㅁㅅ', 'ㅅㅔㅈㅣㄴㄱㅣㄱㅖ'],
          ['ㄱㅣㅁㅊㅓㄹㅎㅕㄴ', 'ㄱㅊㅎ', 'ㅎㅏㄴㅂㅣㅊㅈㅓㅇㅁㅣㄹ'],
          ['janedoe', 'doe', 'northwindtrading'],
          ['annlee', 'lee'],
        ],
        // Holds a row refreshed by an online decision ahead of the pull cursor (2).
        local: 1,
      },
    ],
    checkins: [
      checkIn('0199318a-7c00-7000-8000-000000000021', 'ICW25-DTF59U9Z6R', 'pending'),
      checkIn('0199318a-7c00-7000-8000-000000000022', 'ICW25-ZXNZGPVWCP', 'stored'),
      { ...checkIn('0199318a-7c00-7000-8000-000000000023', 'ICW25-DTF59U9Z6R', 'conflict'), deviceId: 'kiosk-2' },
    ],
    config: [{
      key: 'current',
      event: { id: 'icw2025', name: { ko: '산업단지 박람회', en: 'Industrial Complex Week' }, timeZone: 'Asia/Seoul', days: ['2025-09-10'] },
      programmes: [],
      checkpoints: [{ id: 'hall-a', eventId: 'icw2025', name: { ko: 'A홀', en: 'Hall A' }, rule: 'unlimited', mode: 'entry' }],
    }],
    meta: [
      { key: 'sync.pairing', value: { server: 'https://turnout.example', deviceId: 'kiosk-1', token: 't', eventId: 'icw2025', checkpointId: 'hall-a', name: 'Desk 1', pairedAt: '2025-09-09T08:00:00.000Z' } },
      { key: 'sync.cursor.tickets', value: 2 },
      { key: 'sync.cursor.checkins', value: 7 },
      { key: 'session', value: { checkpointId: 'hall-a', direction: 'entry' } },
    ],
  },
];

/** The tickets a fixture holds, without the keys its version stored beside them. */
function ticketsOf(fixture: Fixture): Ticket[] {
  const rows = fixture.tickets ?? (fixture.roster ?? []).flatMap((c) => c.rows as Record<string, unknown>[]);
  return rows.map((row) => {
    const { keys: _keys, ahead: _ahead, ...ticket } = row as unknown as Ticket & { keys?: string[]; ahead?: number };
    return ticket;
  });
}

const LATEST = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
const open: Dexie[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A database exactly as schema `version` created it, holding the fixture's rows. */
async function writtenBy(fixture: Fixture, indexedDB: IDBFactory, name: string): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  for (const v of SCHEMA_VERSIONS) if (v.version <= fixture.version) old.version(v.version).stores(v.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    if (fixture.tickets) await old.table('tickets').bulkAdd(fixture.tickets);
    if (fixture.roster) await old.table('roster').bulkAdd(fixture.roster);
    await old.table('checkins').bulkAdd(fixture.checkins);
    await old.table('config').bulkAdd(fixture.config);
    await old.table('meta').bulkAdd(fixture.meta);
  });
  expect(old.verno).toBe(fixture.version);
  old.close();
}

it('has a fixture for every earlier schema version', () => {
  expect(FIXTURES.map((f) => f.version)).toEqual(SCHEMA_VERSIONS.map((v) => v.version).filter((v) => v < LATEST));
});

describe.each(FIXTURES)('from schema v$version', (fixture) => {
  async function upgraded(): Promise<TurnoutDb> {
    const indexedDB = new IDBFactory();
    const name = `migrate-${fixture.version}-${Math.random()}`;
    await writtenBy(fixture, indexedDB, name);
    const db = new TurnoutDb(name, { indexedDB, IDBKeyRange });
    open.push(db);
    await db.open();
    return db;
  }

  it('keeps check-ins, the outbox, config and meta exactly', async () => {
    const db = await upgraded();
    expect(db.verno).toBe(LATEST);
    const byId = (a: CheckIn, b: CheckIn) => a.id.localeCompare(b.id);
    expect((await db.checkins.toArray()).sort(byId)).toEqual([...fixture.checkins].sort(byId));
    expect(await outboxCount(db)).toBe(fixture.checkins.filter((c) => c.syncState === 'pending').length);
    expect(await db.config.toArray()).toEqual(fixture.config);
    expect(await loadConfig(db)).toBeDefined();
    expect((await db.meta.toArray()).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      [...fixture.meta].sort((a, b) => a.key.localeCompare(b.key)),
    );
  });

  it('keeps every ticket, in chunks listing today\'s codes and search keys', async () => {
    const db = await upgraded();
    const store = db.backendDB().transaction('roster').objectStore('roster');
    expect([...store.indexNames].sort()).toEqual(['codes', 'keys', 'local']);
    expect(db.backendDB().objectStoreNames.contains('tickets')).toBe(false);
    const stored = await expectChunksSound(db);
    const tickets = ticketsOf(fixture);
    expect(stored).toHaveLength(tickets.length);
    for (const ticket of tickets) expect(await findTicket(db, ticket.code)).toEqual(ticket);
  });

  it('opens with the desk records (voids, walk-ins) empty and this desk\'s check-ins readable newest first', async () => {
    const db = await upgraded();
    expect(await db.voids.count()).toBe(0);
    expect(await db.walkins.count()).toBe(0);
    const mine = fixture.checkins.filter((c) => c.deviceId === 'kiosk-1').map((c) => c.id).sort().reverse();
    expect((await latestOfDevice(db, 'kiosk-1', 10)).map((c) => c.id)).toEqual(mine);
  });

  it('searches by 초성, mid-syllable jamo, Latin word, company and code', async () => {
    const db = await upgraded();
    const codes = async (q: string) => (await searchTickets(db, q)).map((t) => t.code).sort();
    expect(await codes('ㄱㅊㅎ')).toEqual(['ICW25-DTF59U9Z6R']);
    expect(await codes('김처')).toEqual(['ICW25-DTF59U9Z6R']);
    expect(await codes('doe')).toEqual(['ICW25-ZXNZGPVWCP']);
    expect(await codes('한빛')).toEqual(['ICW25-DTF59U9Z6R']);
    expect(await codes('northwind')).toEqual(['ICW25-ZXNZGPVWCP']);
    expect(await codes('lee')).toEqual(['LOCAL-0001']);
    expect(await codes('ICW25-BJ23E93TMK')).toEqual(['ICW25-BJ23E93TMK']);
  });

  it('marks the chunk holding a row past the tickets cursor local, and still keeps that row from an older page copy', async () => {
    const db = await upgraded();
    const local = await db.roster.where('local').equals(1).toArray();
    expect(local.flatMap((c) => c.codes)).toContain('ICW25-BJ23E93TMK');
    const stale: Ticket = { code: 'ICW25-BJ23E93TMK', name: '최민수', company: '세진기계(주)', category: 'visitor', programmes: [], status: 'valid', seq: 3 };
    await applyTicketsPage(db, [stale], 3);
    expect((await findTicket(db, stale.code))?.status).toBe('revoked');
    await expectChunksSound(db);
  });
});
