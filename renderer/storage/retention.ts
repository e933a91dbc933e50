// Retention on the kiosk (PIPA §21, issue 13): once the event's `retainUntil` day
// is over in venue time (core/retention.ts), the kiosk wipes the personal data it
// holds — every roster ticket's name, company and note (their search keys with
// them) and every walk-in's name, company and phone — and keeps what anonymous
// counts need: codes, categories, programmes, statuses and every check-in.
// A walk-in not yet acknowledged upstream keeps its data until the server has it
// (the server purges it on arrival after the date): wiping it first would lose the
// registration. It is wiped on the first run after it was sent.
// Idempotent; chunk by chunk in short transactions, so scans keep going meanwhile.
import { retentionPassed } from '../../core/retention';
import type { Ticket } from '../../core/model';
import type { RosterChunk, TurnoutDb } from './db';
import { chunkRecord } from './roster-store';

export interface WipeResult {
  /** Roster tickets whose personal data was removed by this run. */
  tickets: number;
  walkIns: number;
  /** Walk-ins kept whole until upstream acknowledged them. */
  walkInsWaiting: number;
}

const CHUNKS_PER_TX = 200;

function hasPersonalData(t: Ticket): boolean {
  return t.name !== '' || t.company !== '' || (t.note !== undefined && t.note !== '');
}

function blank(t: Ticket): Ticket {
  const { note: _note, ...rest } = t;
  return { ...rest, name: '', company: '' };
}

/** Wipes personal data when the retention date has passed at `now`; `null` when it has not (or none is set). */
export async function wipeExpiredPersonalData(
  db: TurnoutDb,
  event: { retainUntil?: string; timeZone: string },
  now: number,
): Promise<WipeResult | null> {
  if (!retentionPassed(event.retainUntil, event.timeZone, now)) return null;
  const result: WipeResult = { tickets: 0, walkIns: 0, walkInsWaiting: 0 };
  for (let after = -Infinity; ; ) {
    const done = await db.transaction('rw', db.roster, async () => {
      const chunks = await db.roster.where(':id').above(after).limit(CHUNKS_PER_TX).toArray();
      const changed: RosterChunk[] = [];
      for (const c of chunks) {
        if (!c.rows.some(hasPersonalData)) continue;
        result.tickets += c.rows.filter(hasPersonalData).length;
        changed.push(chunkRecord(c.id, c.rows.map((r) => (hasPersonalData(r) ? blank(r) : r)), c.local === 1));
      }
      if (changed.length > 0) await db.roster.bulkPut(changed);
      if (chunks.length > 0) after = chunks[chunks.length - 1]!.id;
      return chunks.length < CHUNKS_PER_TX;
    });
    if (done) break;
  }
  await db.transaction('rw', db.walkins, async () => {
    await db.walkins.toCollection().modify((w) => {
      if (w.wiped === 1) return;
      if (w.syncState === 'pending' || w.syncState === 'held') { // held: another event's, unsent (storage/held.ts)
        result.walkInsWaiting++;
        return;
      }
      w.name = '';
      w.company = '';
      delete w.phone;
      w.wiped = 1;
      result.walkIns++;
    });
  });
  return result;
}
