// The roster in IndexedDB: the stored row of a ticket, bulk import in chunks, and
// indexed search by code, name (Hangul-aware: 초성 and mid-syllable prefixes) and
// company. The roster is never loaded into memory; every lookup goes through an index.
import { queryKey, searchKeys } from '../../core/search';
import type { Ticket } from '../../core/model';
import type { EventConfig, TicketRow, TurnoutDb } from './db';

export const IMPORT_CHUNK = 2000;

/**
 * The row of a ticket written outside the pull stream (an online decision's copy,
 * an import): marked `ahead` when it has a seq, since a pull page may still carry
 * an older copy of it. Rows of seq 0 (imported) are older than anything pulled.
 */
export function toRow(ticket: Ticket): TicketRow {
  const row: TicketRow = { ...ticket, keys: searchKeys(ticket.name, ticket.company) };
  if (ticket.seq > 0) row.ahead = ticket.seq;
  return row;
}

/** The row of a pulled ticket: never `ahead`, as the page's cursor commits with it. */
export function toPulledRow(ticket: Ticket): TicketRow {
  return { ...ticket, keys: searchKeys(ticket.name, ticket.company) };
}

/**
 * Schema upgrades (db.ts): a stored row's keys recomputed with today's scheme, and
 * marked `ahead` when its seq is past the tickets cursor (`pulledThrough`): only
 * such a row can be newer than what the pull will still deliver.
 */
export function rekeyRow(row: TicketRow, pulledThrough: number): void {
  row.keys = searchKeys(row.name, row.company);
  if (row.seq > pulledThrough) row.ahead = row.seq;
  else delete row.ahead;
}

/** Upserts tickets by code; reports progress after each committed chunk. */
export async function putTickets(
  db: TurnoutDb,
  tickets: Iterable<Ticket>,
  onProgress?: (done: number) => void,
): Promise<number> {
  let done = 0;
  let chunk: TicketRow[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await db.tickets.bulkPut(chunk);
    done += chunk.length;
    chunk = [];
    onProgress?.(done);
  };
  for (const ticket of tickets) {
    chunk.push(toRow(ticket));
    if (chunk.length >= IMPORT_CHUNK) await flush();
  }
  await flush();
  return done;
}

export async function saveConfig(db: TurnoutDb, config: EventConfig): Promise<void> {
  await db.config.put({ key: 'current', ...config });
}

export async function loadConfig(db: TurnoutDb): Promise<EventConfig | undefined> {
  const row = await db.config.get('current');
  if (!row) return undefined;
  const { key: _key, ...config } = row;
  return config;
}

export function ticketCount(db: TurnoutDb): Promise<number> {
  return db.tickets.count();
}

/** The ticket of a stored row: without its search keys and `ahead` mark. */
export function ticketOf(row: TicketRow): Ticket {
  const { keys: _keys, ahead: _ahead, ...ticket } = row;
  return ticket;
}

export async function findTicket(db: TurnoutDb, code: string): Promise<Ticket | undefined> {
  const row = await db.tickets.get(code);
  return row ? ticketOf(row) : undefined;
}

/**
 * Prefix search over the multiEntry `keys` index. One query serves 초성 (ㄱㅊㅎ),
 * jamo prefixes typed mid-syllable (김처), Latin words and companies.
 */
export async function searchTickets(db: TurnoutDb, query: string, limit = 20): Promise<Ticket[]> {
  const key = queryKey(query);
  if (key.length === 0) return [];
  // One read transaction for both lookups: a keystroke pays for one round trip.
  // Walk the index by key only (no row values), then read just the distinct hits:
  // a broad prefix such as ㄱ touches tens of thousands of index entries.
  const [exact, rows] = await db.transaction('r', db.tickets, async () => {
    const codes = await db.tickets.where('keys').startsWith(key).limit(limit * 3).primaryKeys();
    const unique = [...new Set(codes)].slice(0, limit);
    return Promise.all([
      looksLikeCode(query) ? db.tickets.get(query.trim()) : undefined,
      db.tickets.bulkGet(unique).then((found) => found.filter((t): t is TicketRow => t !== undefined)),
    ]);
  });
  const seen = new Set<string>();
  const out: Ticket[] = [];
  for (const row of exact ? [exact, ...rows] : rows) {
    if (seen.has(row.code)) continue;
    seen.add(row.code);
    out.push(ticketOf(row));
  }
  return out.slice(0, limit);
}

/** Codes have no spaces and at least one digit; names rarely do. */
function looksLikeCode(query: string): boolean {
  const q = query.trim();
  return q.length >= 4 && !/\s/.test(q) && /\d/.test(q);
}
