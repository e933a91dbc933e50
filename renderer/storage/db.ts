// The kiosk's one IndexedDB database (Dexie): typed tables and the versioned schema.
// This folder is the only code that touches IndexedDB.
import Dexie, { type Table } from 'dexie';
import type { CheckIn, Checkpoint, EventInfo, Programme, Ticket } from '../../core/model';

/** A roster row as stored: the ticket plus its search keys (multiEntry index). */
export interface TicketRow extends Ticket {
  keys: string[];
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

export class TurnoutDb extends Dexie {
  tickets!: Table<TicketRow, string>;
  checkins!: Table<CheckIn, string>;
  config!: Table<ConfigRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // `strict` durability: Chromium only reports a transaction complete once it is
    // flushed to disk, so a green verdict never stands for a check-in still in a cache.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      tickets: 'code, *keys, company, seq',
      // The outbox is the syncState index: a row leaves it only when upstream acknowledged it.
      checkins: 'id, code, syncState, [day+checkpointId], scannedAt',
      config: 'key',
      meta: 'key',
    });
  }
}

export async function getMeta<T>(db: TurnoutDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(db: TurnoutDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
