// Private lookup for self-service: who may this person be, given their FULL name
// and a second factor. Unlike the desk's prefix search, a name alone never lists
// anyone: the name must match a roster name exactly (same normalisation as the
// search index, so spaces and case do not matter) AND the second factor must
// match: the last four digits of the phone number or the birth date (YYMMDD)
// when the roster has them (compared as salted hashes, core/second-factor.ts),
// else the company, by prefix of at least two letters. What comes back is shown masked (core/mask.ts).
import { queryKey, searchKeys } from '../../../core/search';
import type { Ticket } from '../../../core/model';
import { searchTickets } from '../../storage/roster';
import type { TurnoutDb } from '../../storage/db';
import { hashSecondFactor } from '../../../core/second-factor';
import { isBirthDigits } from '../../../core/birth-date';
import { kioskFactorSalt } from '../../storage/second-factor';
import { NO_MISSES, lookupPausedUntil, recordLookupMiss, type LookupGuardState } from '../../../core/lookup-guard';

/** Enough rows for the commonest Korean names on a 200k roster (exact matches sort first). */
const NAME_HITS = 400;
/** At most this many candidates are ever shown, masked. */
export const MAX_CANDIDATES = 5;

/** `phone`: the last four digits (a roster with phone_last4); `birth`: YYMMDD (birth_date); else the company's start. */
export type Factor =
  | { kind: 'phone'; digits: string; eventId: string }
  | { kind: 'birth'; digits: string; eventId: string }
  | { kind: 'company'; company: string };

/** Tickets whose name is exactly `name` (normalised), deleted ones left out. */
export async function sameName(db: TurnoutDb, name: string): Promise<Ticket[]> {
  const key = queryKey(name);
  if ([...name.trim()].length < 2 || key.length === 0) return [];
  const hits = await searchTickets(db, name, NAME_HITS);
  return hits.filter((t) => t.status !== 'deleted' && queryKey(t.name) === key);
}

/** Whether the company typed is a real prefix of the ticket's company (legal forms ignored). */
export function companyMatches(ticket: Ticket, typed: string): boolean {
  const key = queryKey(typed);
  if ([...typed.replace(/\s/g, '')].length < 2 || key.length === 0) return false;
  return searchKeys('', ticket.company).some((k) => k.startsWith(key));
}

/** The candidates for a name and a second factor: never more than MAX_CANDIDATES. */
export async function privateLookup(db: TurnoutDb, name: string, factor: Factor): Promise<Ticket[]> {
  const named = await sameName(db, name);
  if (factor.kind === 'company') return named.filter((t) => companyMatches(t, factor.company)).slice(0, MAX_CANDIDATES);
  if (factor.kind === 'phone' ? !/^\d{4}$/.test(factor.digits) : !isBirthDigits(factor.digits)) return [];
  const hash = await hashSecondFactor(await kioskFactorSalt(db, factor.eventId), factor.digits, factor.kind);
  return named.filter((t) => (factor.kind === 'phone' ? t.factorHash : t.birthHash) === hash).slice(0, MAX_CANDIDATES);
}

/** The device's count of lookup misses (core/lookup-guard.ts), kept across sessions. */
export interface LookupGuard {
  /** When the search by name is paused at `now`, until when; else null. */
  pausedUntil(now: number): number | null;
  miss(now: number): void;
}

/** One per self-service screen, in memory: it outlives every session, as it must. */
export function memoryLookupGuard(): LookupGuard {
  let state: LookupGuardState = NO_MISSES;
  return {
    pausedUntil: (now) => lookupPausedUntil(state, now),
    miss: (now) => {
      state = recordLookupMiss(state, now);
    },
  };
}
