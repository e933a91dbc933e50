// The roster in chunks (fake-indexeddb), at a size that spans many chunks: every
// code stored once whatever the order of writes, lookups by code and by name
// prefix that read only the chunks they need, and the rules of each writer
// (an import's copy wins; a pull or an online decision keeps the newer seq).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TurnoutDb } from '../../../renderer/storage/db';
import { putTickets, searchTickets } from '../../../renderer/storage/roster';
import { CHUNK_ROWS, eachTicket, getTicket, getTickets, writeTickets } from '../../../renderer/storage/roster-store';
import type { Ticket } from '../../../core/model';
import { expectChunksSound } from './roster-invariant';

const SURNAMES = ['김', '이', '박', '최', '정'];
const person = (i: number, seq = 0, extra: Partial<Ticket> = {}): Ticket => ({
  code: `KX-${String(i).padStart(5, '0')}`,
  name: `${SURNAMES[i % 5]}${['민준', '서연', '도윤', '하은'][i % 4]}${i}`,
  company: i % 10 === 0 ? 'Northwind Trading' : '(주)한빛정밀',
  category: 'visitor', programmes: [], status: 'valid', seq, ...extra,
});
const people = (n: number, from = 0, seq = 0) => Array.from({ length: n }, (_, i) => person(from + i, seq));

let db: TurnoutDb;
beforeEach(() => {
  db = new TurnoutDb(`rs-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

describe('roster store', () => {
  it('packs an import into full chunks and finds any code', async () => {
    await putTickets(db, people(1050));
    const rest = 1050 % CHUNK_ROWS;
    expect((await db.roster.toArray()).map((c) => c.rows.length)).toEqual([...Array(Math.floor(1050 / CHUNK_ROWS)).fill(CHUNK_ROWS), ...(rest ? [rest] : [])]);
    expect(await expectChunksSound(db)).toHaveLength(1050);
    expect(await getTicket(db, 'KX-00777')).toEqual(person(777));
    expect(await getTicket(db, 'KX-99999')).toBeUndefined();
    const got = await getTickets(db, ['KX-00001', 'KX-01049', 'KX-00001', 'NOPE']);
    expect([...got.keys()].sort()).toEqual(['KX-00001', 'KX-01049']);
  });

  it('an import overwrites in place, whatever the seq; a decision keeps the newer copy', async () => {
    await putTickets(db, people(300));
    await writeTickets(db, [person(5, 40, { status: 'revoked' })], { rule: 'newer', source: 'local' });
    await writeTickets(db, [person(5, 30, { status: 'blocked' })], { rule: 'newer', source: 'local' });
    expect(await getTicket(db, 'KX-00005')).toMatchObject({ seq: 40, status: 'revoked' });
    await putTickets(db, [person(5, 0, { name: 'Corrected Name' }), person(250), person(900)]);
    expect(await getTicket(db, 'KX-00005')).toMatchObject({ seq: 0, name: 'Corrected Name' });
    expect(await expectChunksSound(db)).toHaveLength(301);
    // The chunk a decision wrote into is marked local (a first sync checks it).
    const local = await db.roster.where('local').equals(1).toArray();
    expect(local.flatMap((c) => c.codes)).toContain('KX-00005');
  });

  it('keeps the last copy when a batch names a code twice', async () => {
    await putTickets(db, [person(1, 0, { name: 'first' }), person(1, 0, { name: 'second' })]);
    expect((await expectChunksSound(db)).map((t) => t.name)).toEqual(['second']);
  });

  it('a seed into an empty roster skips lookups and still stores each code once', async () => {
    const seen = new Set<string>();
    await putTickets(db, people(250), { seen });
    await putTickets(db, [...people(250, 250), person(3, 0, { name: 'again' })], { seen });
    const all = await expectChunksSound(db);
    expect(all).toHaveLength(500);
    expect(all.find((t) => t.code === 'KX-00003')?.name).toBe('again');
  });

  it('searches by name prefix across chunks, reading only what it needs, best key first', async () => {
    await putTickets(db, people(2000));
    const hits = await searchTickets(db, '김민', 12);
    expect(hits).toHaveLength(12);
    for (const t of hits) expect(t.name.startsWith('김민')).toBe(true);
    const names = hits.map((t) => t.name);
    // 김민준0, 김민준100, … sorted by key: the same order as the names' jamo.
    expect(names).toEqual([...names].sort());
    expect((await searchTickets(db, 'northwind', 5)).every((t) => t.company === 'Northwind Trading')).toBe(true);
    expect((await searchTickets(db, 'KX-01999')).map((t) => t.code)[0]).toBe('KX-01999');
    expect(await searchTickets(db, '없는사람')).toEqual([]);
  });

  it('finds a rare name in the last chunk', async () => {
    await putTickets(db, [...people(999), { ...person(999), name: '황보수' }]);
    expect((await searchTickets(db, 'ㅎㅂㅅ')).map((t) => t.code)).toEqual(['KX-00999']);
  });

  it('visits every ticket once in a sweep', async () => {
    await putTickets(db, people(730));
    const codes: string[] = [];
    await eachTicket(db, (t) => codes.push(t.code));
    expect(codes).toHaveLength(730);
    expect(new Set(codes).size).toBe(730);
  });
});
