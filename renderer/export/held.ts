// The records a kiosk holds for another event (storage/held.ts) as one CSV for that
// event's organiser: every held check-in (status `held`), names and companies from
// the held walk-ins (the roster of that event is gone from the kiosk), voids marked.
import type { CheckIn } from '../../core/model';
import type { TurnoutDb } from '../storage/db';
import { heldKey, type HeldEvent } from '../storage/held';
import { getPlatform } from '../platform';
import type { Result, SavedFile } from '../../core/kiosk-api';
import { checkinsCsv } from './csv';
import { exportRow } from './rows';

export function heldFileName(ev: Pick<HeldEvent, 'eventId' | 'deviceId'>): string {
  return `turnout-held-${ev.eventId}-${ev.deviceId}.csv`.replace(/[^\w.-]+/g, '_');
}

export async function heldCsvBytes(db: TurnoutDb, ev: Pick<HeldEvent, 'server' | 'eventId'>): Promise<Uint8Array> {
  const key = heldKey(ev.server, ev.eventId);
  const of = <T extends { heldFor?: string }>(r: T) => r.heldFor === key;
  const [checkins, walkins, voids] = await Promise.all([
    db.checkins.where('syncState').equals('held').filter(of).toArray(),
    db.walkins.where('syncState').equals('held').filter(of).toArray(),
    db.voids.where('syncState').equals('held').filter(of).toArray(),
  ]);
  const people = new Map(walkins.map((w) => [w.code, { name: w.name, company: w.company, category: w.category }]));
  const voided = new Map(voids.map((v) => [v.checkinId, v]));
  const rows = checkins
    .sort((a: CheckIn, b: CheckIn) => (a.id < b.id ? -1 : 1))
    .map((c) => exportRow(c, { ticket: (code) => people.get(code), checkpoint: () => undefined }, voided.get(c.id)));
  async function* once() {
    yield rows;
  }
  return checkinsCsv(once());
}

export async function exportHeld(db: TurnoutDb, ev: HeldEvent): Promise<Result<SavedFile>> {
  return getPlatform().saveFile(heldFileName(ev), await heldCsvBytes(db, ev), 'text/csv; charset=utf-8');
}
