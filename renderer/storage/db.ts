// The kiosk's one IndexedDB database (Dexie): typed tables, the versioned schema
// and the upgrade from each earlier version. This folder is the only code that
// touches IndexedDB.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { CheckIn, CheckInVoid, Checkpoint, EventInfo, Programme, Ticket } from '../../core/model';
import { searchKeys } from '../../core/search';

/**
 * A chunk of the roster (roster-store.ts): up to CHUNK_ROWS tickets, the codes and
 * the distinct search keys of its rows (multiEntry indexes), each row's own keys
 * (`rowKeys[i]` for `rows[i]`), and `local` when a row in it was written outside
 * the pull stream (sparse index).
 */
export interface RosterChunk {
  id: number;
  codes: string[];
  keys: string[];
  rows: Ticket[];
  rowKeys: string[][];
  local?: 1;
}

/** A roster row as schemas v1 and v2 stored it, one record per ticket (only upgrades read it). */
export interface TicketRow extends Ticket {
  keys: string[];
  /**
   * The row's seq, present only while the row may be newer than what the tickets
   * pull will deliver: set on rows written outside the pull stream (an online
   * decision's fresher copy, an import with seq > 0), never on pulled rows. Its
   * index is sparse, so a first sync of 200k pulled rows writes no entry for it
   * (schema v1 indexed `seq` of every row for the same question).
   */
  ahead?: number;
}

export interface EventConfig {
  event: EventInfo;
  programmes: Programme[];
  checkpoints: Checkpoint[];
}

export interface ConfigRow extends EventConfig {
  key: 'current';
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'turnout';

type Stores = Record<string, string | null>;

/**
 * Every schema the kiosk has shipped, oldest first, each with the upgrade that
 * brings an older database's rows up to it. Never edit a shipped entry: add one
 * (and a fixture in tests/unit/storage/migrations.test.ts).
 */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Stores; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      tickets: 'code, *keys, company, seq',
      // The outbox is the syncState index: a row leaves it only when upstream acknowledged it.
      checkins: 'id, code, syncState, [day+checkpointId], scannedAt',
      config: 'key',
      meta: 'key',
    },
  },
  {
    // Fewer index entries per ticket, the bulk of a first sync's cost: no `company`
    // index (never queried: company search goes through `keys`), the sparse `ahead`
    // instead of `seq`, and fewer search keys (core/search.ts). Every ticket's keys
    // are recomputed; check-ins, config and meta are not touched.
    version: 2,
    stores: { tickets: 'code, *keys, ahead' },
    upgrade: (tx) => rekeyTickets(tx),
  },
  {
    // The roster in chunks of tickets (roster-store.ts): a record per ticket cost a
    // first sync of 200k tickets ~27 s of IndexedDB time. Rows move in code order;
    // a chunk holding a row marked `ahead` is marked `local`.
    version: 3,
    // Check-ins: a venue day read by `[day+id]` pages that resume after the last
    // id (day-checkins.ts); `[day+checkpointId]` paged by offset, each page
    // walking every row before it: 36 s for a day of 100k.
    stores: { tickets: null, roster: 'id, *codes, *keys, local', checkins: 'id, code, syncState, [day+id], scannedAt' },
    upgrade: (tx) => chunkTickets(tx),
  },
  {
    // Desk records (issue 13). `voids`: undo records keyed by the check-in they
    // cancel, so readers test a page of check-ins with one bulkGet; `&id` is the
    // void's own idempotency key, `syncState` its outbox. `walkins`: walk-in
    // registrations (personal data, wiped at retention), outbox by `syncState`.
    // Check-ins gain `[deviceId+id]`: this desk's latest rows (recent strip, undo)
    // read without walking other desks' pulled rows. Nothing is rewritten.
    version: 4,
    stores: {
      checkins: 'id, code, syncState, [day+id], scannedAt, [deviceId+id]',
      voids: 'checkinId, &id, syncState',
      walkins: 'id, &code, syncState',
    },
  },
];

const UPGRADE_CHUNK = 2000;

/** Schema v2's row of a ticket (v1 → v2): today's keys, `ahead` when past the tickets cursor. */
function rekeyRow(row: TicketRow, pulledThrough: number): void {
  row.keys = searchKeys(row.name, row.company);
  if (row.seq > pulledThrough) row.ahead = row.seq;
  else delete row.ahead;
}

/**
 * Rewrites every ticket row with today's keys and `ahead` mark, in primary-key
 * chunks read and written back whole (the kiosk waits for this upgrade before it
 * opens; Dexie's modify() was slower). The cursor is read under the key schema v1
 * kept it in: an upgrade is a snapshot of its own past, not of today's constants.
 */
async function rekeyTickets(tx: Transaction): Promise<void> {
  const cursor = (await tx.table<MetaRow, string>('meta').get('sync.cursor.tickets'))?.value;
  const pulledThrough = typeof cursor === 'number' && Number.isFinite(cursor) ? cursor : 0;
  const tickets = tx.table<TicketRow, string>('tickets');
  for (let after: string | undefined; ; ) {
    const rows = await (after === undefined ? tickets.orderBy(':id') : tickets.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    for (const row of rows) rekeyRow(row, pulledThrough);
    await tickets.bulkPut(rows);
    after = rows[rows.length - 1]!.code;
  }
}

/** Rows per chunk the v3 upgrade writes: roster-store.ts CHUNK_ROWS when v3 shipped. */
const V3_CHUNK_ROWS = 50;

/**
 * Moves schema v2's ticket rows into chunk records (v2 → v3), in code order. The
 * keys each chunk lists are computed with today's searchKeys, as v3's writes do.
 */
async function chunkTickets(tx: Transaction): Promise<void> {
  const tickets = tx.table<TicketRow, string>('tickets');
  const roster = tx.table<RosterChunk, number>('roster');
  let id = 0;
  for (let after: string | undefined; ; ) {
    const rows = await (after === undefined ? tickets.orderBy(':id') : tickets.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    const chunks: RosterChunk[] = [];
    for (let i = 0; i < rows.length; i += V3_CHUNK_ROWS) {
      const part = rows.slice(i, i + V3_CHUNK_ROWS);
      const plain = part.map(({ keys: _keys, ahead: _ahead, ...ticket }) => ticket);
      const rowKeys = plain.map((t) => searchKeys(t.name, t.company));
      const chunk: RosterChunk = { id: ++id, codes: plain.map((t) => t.code), keys: [...new Set(rowKeys.flat())], rows: plain, rowKeys };
      if (part.some((r) => r.ahead !== undefined)) chunk.local = 1;
      chunks.push(chunk);
    }
    await roster.bulkAdd(chunks);
    after = rows[rows.length - 1]!.code;
  }
}

/**
 * A walk-in registered at this desk: the new ticket's personal data, the consent
 * given item by item, and its sync state. Defined in walkins.ts's terms.
 */
export interface WalkInRow {
  id: string;
  code: string;
  name: string;
  company: string;
  category: Ticket['category'];
  /** The registering checkpoint's programmes (absent in rows written before they were kept). */
  programmes?: string[];
  phone?: string;
  /** Consent asked item by item: `{ item, granted }` in the order shown. */
  consents: { item: string; granted: boolean }[];
  /** Which consent text was shown (a version id). */
  consentText: string;
  checkpointId: string;
  /** The check-in made in the same step. */
  checkinId: string;
  deviceId: string;
  registeredAt: string;
  day: string;
  syncState: 'pending' | 'stored' | 'conflict' | 'held';
  /** While `held`: the server and event it belongs to (storage/held.ts). */
  heldFor?: string;
  /** Personal data removed at the event's retention date. */
  wiped?: 1;
}

export class TurnoutDb extends Dexie {
  roster!: Table<RosterChunk, number>;
  checkins!: Table<CheckIn, string>;
  voids!: Table<CheckInVoid, string>;
  walkins!: Table<WalkInRow, string>;
  config!: Table<ConfigRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // `strict` durability: Chromium only reports a transaction complete once it is
    // flushed to disk, so a green verdict never stands for a check-in still in a cache.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}

export async function getMeta<T>(db: TurnoutDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(db: TurnoutDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
