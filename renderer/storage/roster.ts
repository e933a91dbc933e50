// The roster as the kiosk uses it: bulk import in chunks, the event config, and
// search by code, name (Hangul-aware: 초성 and mid-syllable prefixes) and company.
// Storage is roster-store.ts (chunks of tickets behind two multiEntry indexes);
// every lookup goes through an index, the roster is never loaded into memory.
import { queryKey } from '../../core/search';
import type { Ticket } from '../../core/model';
import type { EventConfig, TurnoutDb } from './db';
import { countTickets, getTicket, searchByKey, writeTickets } from './roster-store';

export const IMPORT_CHUNK = 2000;

export interface PutOptions {
  onProgress?: (done: number) => void;
  /**
   * Codes that may already be stored, when the caller knows (a seed into an empty
   * roster passes an empty set and gets the codes it wrote added): the others skip
   * the per-code lookup. Undefined: every code is looked up.
   */
  seen?: Set<string>;
}

/** Upserts tickets by code, an import's copy winning; reports progress after each committed chunk. */
export async function putTickets(db: TurnoutDb, tickets: Iterable<Ticket>, opts: PutOptions = {}): Promise<number> {
  let done = 0;
  let chunk: Ticket[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await writeTickets(db, chunk, { rule: 'replace', source: 'local', maybeStored: opts.seen });
    for (const t of chunk) opts.seen?.add(t.code);
    done += chunk.length;
    chunk = [];
    opts.onProgress?.(done);
  };
  for (const ticket of tickets) {
    chunk.push(ticket);
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
  return countTickets(db);
}

export function findTicket(db: TurnoutDb, code: string): Promise<Ticket | undefined> {
  return getTicket(db, code);
}

/**
 * Prefix search over the chunks' `keys` index. One query serves 초성 (ㄱㅊㅎ),
 * jamo prefixes typed mid-syllable (김처), Latin words and companies; a query that
 * looks like a code is also tried as one, first.
 */
export async function searchTickets(db: TurnoutDb, query: string, limit = 20): Promise<Ticket[]> {
  const key = queryKey(query);
  if (key.length === 0) return [];
  // One read transaction for both lookups: a keystroke pays for one round trip.
  const [exact, found] = await db.transaction('r', db.roster, () =>
    Promise.all([looksLikeCode(query) ? getTicket(db, query.trim()) : undefined, searchByKey(db, key, limit)]),
  );
  const out = exact ? [exact, ...found.filter((t) => t.code !== exact.code)] : found;
  return out.slice(0, limit);
}

/** Codes have no spaces and at least one digit; names rarely do. */
function looksLikeCode(query: string): boolean {
  const q = query.trim();
  return q.length >= 4 && !/\s/.test(q) && /\d/.test(q);
}
