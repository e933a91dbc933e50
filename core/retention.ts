// Retention of personal data (PIPA §21: destroy personal data once its purpose is
// served): an event names the last venue-local day its attendees' personal data
// is kept (`retainUntil`). From the next day on, the server blanks the names,
// companies, phones and notes of its tickets and walk-ins (codes, categories and
// every check-in stay, so anonymous counts remain) and kiosks wipe theirs.
// Pure: the decision only.

import type { DayKey } from './model';
import { dayKey, type Instant } from './time';

/** True once the venue-local day of `now` is after `retainUntil` (absent: kept). */
export function retentionPassed(retainUntil: DayKey | undefined | null, timeZone: string, now: Instant): boolean {
  if (!retainUntil) return false;
  return dayKey(now, timeZone) > retainUntil;
}
