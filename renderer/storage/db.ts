// The kiosk's one IndexedDB database (Dexie): typed tables, the versioned schema
// and the upgrade from each earlier version. This folder is the only code that
// touches IndexedDB.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { CheckIn, Checkpoint, EventInfo, Programme, Ticket } from '../../core/model';
import { rekeyRow } from './roster';

/** A roster row as stored: the ticket plus its search keys (multiEntry index). */
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
];

const UPGRADE_CHUNK = 2000;

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

export class TurnoutDb extends Dexie {
  tickets!: Table<TicketRow, string>;
  checkins!: Table<CheckIn, string>;
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
