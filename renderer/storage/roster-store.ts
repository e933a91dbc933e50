// The roster in IndexedDB, stored as CHUNKS: records of up to CHUNK_ROWS tickets,
// each listing its rows' codes and search keys in two multiEntry indexes. Every
// lookup still goes through an index (code → its chunk, key prefix → chunks);
// the roster is never loaded into memory.
//
// Why chunks: Chromium's IndexedDB pays ~45 µs per record and ~11 µs per index
// entry, whatever the record's size. One record per ticket made a first sync of
// 200k tickets spend ~27 s in IndexedDB; a chunk of 50 costs little more than one
// ticket did, so the same roster is written in a few seconds (bench roster-sync).
// Why not larger: a lookup reads its whole chunk, and a name search a dozen.
//
// Invariant: a code is in at most one chunk. Writes find the chunk already
// holding a code through the `codes` index and replace the row there; new codes
// fill the last chunk, then new ones. A first sync skips that lookup for codes it
// cannot have stored yet (`maybeStored`), since an index read per code was as dear
// as the write it saves.
import { searchKeys } from '../../core/search';
import type { Ticket } from '../../core/model';
import type { RosterChunk, TurnoutDb } from './db';

export const CHUNK_ROWS = 50;

export interface WriteOptions {
  /**
   * `newer`: a stored copy with a higher seq wins (pull pages, online decisions).
   * `replace`: the written copy always wins (a CSV import).
   */
  rule: 'newer' | 'replace';
  /**
   * `pull`: rows of the pull stream. `local`: written outside it (online
   * decisions, imports); their chunks are marked `local` so a first sync still
   * checks them (a fresh run's `maybeStored` cannot know them).
   */
  source: 'pull' | 'local';
  /**
   * When given, only these codes (and, for a pull, the codes of `local` chunks)
   * can already be stored: the rest are appended without a lookup. Undefined: any
   * code may be stored, and every one is looked up.
   */
  maybeStored?: ReadonlySet<string>;
}

const KEYS = new WeakMap<Ticket, string[]>();

/**
 * A ticket's search keys, computed once per ticket object: a pull computes them
 * while the previous page is being written (pull.ts), not inside the write.
 */
export function keysOf(t: Ticket): string[] {
  let keys = KEYS.get(t);
  if (!keys) {
    keys = searchKeys(t.name, t.company);
    KEYS.set(t, keys);
  }
  return keys;
}

/**
 * Lends a stored chunk's row keys to its row objects, so a rewrite does not
 * recompute them: for writes only (reads have no use for them).
 */
function adoptRowKeys(chunk: RosterChunk): RosterChunk {
  chunk.rows.forEach((row, i) => {
    const keys = chunk.rowKeys[i];
    if (keys) KEYS.set(row, keys);
  });
  return chunk;
}

/**
 * A chunk as stored: its rows with each row's search keys (a search filters
 * rows by them without recomputing), and the codes and distinct keys its
 * indexes list.
 */
export function chunkRecord(id: number, rows: Ticket[], local?: boolean): RosterChunk {
  const rowKeys = rows.map(keysOf);
  const keys = new Set<string>();
  for (const rk of rowKeys) for (const k of rk) keys.add(k);
  const chunk: RosterChunk = { id, codes: rows.map((r) => r.code), keys: [...keys], rows, rowKeys };
  if (local) chunk.local = 1;
  return chunk;
}

/**
 * The chunks holding any of `codes`: one index read per code, all in flight at
 * once, then one read per chunk. (Dexie's anyOf() walks a cursor, a round trip a
 * code: a delta of 200k changed tickets took 150 s that way.)
 */
async function chunksHolding(db: TurnoutDb, codes: readonly string[]): Promise<RosterChunk[]> {
  if (codes.length === 0) return [];
  const ids = await Promise.all(codes.map((code) => db.roster.where('codes').equals(code).primaryKeys()));
  const unique = [...new Set(ids.flat())];
  const found = await db.roster.bulkGet(unique);
  return found.filter((c): c is RosterChunk => c !== undefined);
}

/** The incoming codes that may already be stored, per `maybeStored`. */
async function codesToProbe(db: TurnoutDb, incoming: Map<string, Ticket>, opts: WriteOptions): Promise<string[]> {
  const all = [...incoming.keys()];
  const known = opts.maybeStored;
  if (!known) return all;
  const probe = new Set(all.filter((c) => known.has(c)));
  if (opts.source === 'pull') {
    // The sparse `local` index is empty on a first sync unless the desk decided
    // online meanwhile: one short walk.
    for (const chunk of await db.roster.where('local').equals(1).toArray()) {
      for (const code of chunk.codes) if (incoming.has(code)) probe.add(code);
    }
  }
  return [...probe];
}

/**
 * Upserts tickets by code (the last copy of a code in `tickets` wins). Runs in
 * the caller's transaction when there is one (it must include `db.roster`).
 * Returns how many rows were written.
 */
export function writeTickets(db: TurnoutDb, tickets: readonly Ticket[], opts: WriteOptions): Promise<number> {
  return db.transaction('rw', db.roster, async () => {
    const incoming = new Map<string, Ticket>();
    for (const t of tickets) incoming.set(t.code, t);
    const local = opts.source === 'local';
    // Both reads in flight at once: each awaited request is a round trip to the
    // browser process, and a first sync makes one such transaction per page.
    const [holding, last] = await Promise.all([
      codesToProbe(db, incoming, opts).then(async (codes) => (await chunksHolding(db, codes)).map(adoptRowKeys)),
      db.roster.orderBy(':id').last().then((c) => c && adoptRowKeys(c)),
    ]);
    const touched = new Map<number, RosterChunk>();
    let written = 0;
    for (const chunk of holding) {
      chunk.rows.forEach((row, i) => {
        const next = incoming.get(row.code);
        if (!next) return;
        incoming.delete(row.code);
        if (opts.rule === 'newer' && row.seq > next.seq) return;
        chunk.rows[i] = next;
        if (local) chunk.local = 1;
        touched.set(chunk.id, chunk);
        written++;
      });
    }
    const fresh = [...incoming.values()];
    if (fresh.length > 0) {
      let nextId = (last?.id ?? 0) + 1;
      let from = 0;
      if (last && last.rows.length < CHUNK_ROWS) {
        // The last chunk may be one just updated above: fill that copy.
        const tail = touched.get(last.id) ?? last;
        from = CHUNK_ROWS - tail.rows.length;
        tail.rows.push(...fresh.slice(0, from));
        if (local) tail.local = 1;
        touched.set(tail.id, tail);
      }
      for (let i = from; i < fresh.length; i += CHUNK_ROWS) {
        const id = nextId++;
        touched.set(id, { id, codes: [], keys: [], rows: fresh.slice(i, i + CHUNK_ROWS), rowKeys: [], ...(local ? { local: 1 as const } : {}) });
      }
      written += fresh.length;
    }
    if (touched.size > 0) await db.roster.bulkPut([...touched.values()].map((c) => chunkRecord(c.id, c.rows, c.local === 1)));
    return written;
  });
}

/** The stored ticket of `code`. */
export async function getTicket(db: TurnoutDb, code: string): Promise<Ticket | undefined> {
  const chunk = await db.roster.where('codes').equals(code).first();
  return chunk?.rows.find((r) => r.code === code);
}

/** The stored tickets of `codes` (absent codes are left out). */
export async function getTickets(db: TurnoutDb, codes: readonly string[]): Promise<Map<string, Ticket>> {
  const wanted = new Set(codes);
  const out = new Map<string, Ticket>();
  for (const chunk of await chunksHolding(db, [...wanted])) {
    for (const row of chunk.rows) if (wanted.has(row.code)) out.set(row.code, row);
  }
  return out;
}

/** How many tickets are stored: the `codes` index holds one entry per ticket. */
export function countTickets(db: TurnoutDb): Promise<number> {
  return db.roster.orderBy('codes').count();
}

/** Whether no ticket is stored (a first sync may then skip its per-code lookups). */
export async function rosterIsEmpty(db: TurnoutDb): Promise<boolean> {
  return (await db.roster.count()) === 0;
}

/** Chunks per read while sweeping the roster. */
const SWEEP_BATCH = 50;

/**
 * Every stored ticket, chunk by chunk in short read transactions (a scan never
 * waits behind a sweep): for reports that name much of the roster. Rows written
 * during the sweep may be seen in either version.
 */
export async function eachTicket(db: TurnoutDb, visit: (t: Ticket) => void): Promise<void> {
  for (let after = 0; ; ) {
    const chunks = await db.roster.where(':id').above(after).limit(SWEEP_BATCH).toArray();
    for (const chunk of chunks) for (const row of chunk.rows) visit(row);
    if (chunks.length < SWEEP_BATCH) return;
    after = chunks[chunks.length - 1]!.id;
  }
}

/**
 * Tickets with a search key starting with `key` (core/search.ts queryKey), best
 * key first among those found. The `keys` index is walked in key order for the
 * chunks that hold such a key; they are read in that order, in rounds sized by
 * the hits still missing, until `limit` tickets are found.
 */
export async function searchByKey(db: TurnoutDb, key: string, limit: number): Promise<Ticket[]> {
  // Each index entry is a distinct key of one chunk, held by at least one of its
  // rows, and a row has a few keys: limit × 4 entries reach at least `limit` rows.
  const ids = [...new Set(await db.roster.where('keys').startsWith(key).limit(limit * 4).primaryKeys())];
  const hits: { ticket: Ticket; key: string }[] = [];
  for (let next = 0; next < ids.length && hits.length < limit; ) {
    // A broad prefix (ㄱ) finds many rows per chunk, a full name one: read as
    // many chunks as the hits per chunk so far say are still needed.
    const perChunk = next === 0 ? 3 : Math.max(hits.length / next, 0.25);
    const round = Math.min(Math.ceil((limit - hits.length) / perChunk), 16);
    for (const chunk of await db.roster.bulkGet(ids.slice(next, next + round))) {
      chunk?.rows.forEach((row, i) => {
        const k = chunk.rowKeys[i]?.find((s) => s.startsWith(key));
        if (k !== undefined) hits.push({ ticket: row, key: k });
      });
    }
    next += round;
  }
  hits.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.ticket.code < b.ticket.code ? -1 : 1));
  return hits.slice(0, limit).map((h) => h.ticket);
}
