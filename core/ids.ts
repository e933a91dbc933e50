// Check-in ids: UUIDv7, made on the kiosk. Time-ordered, so they index well
// and sort by scan time, and unique across devices without coordination, so
// upstream can use them as the idempotency key for retried pushes.

import { v7 } from 'uuid';

/** A fresh UUIDv7. `msecs` pins the time part (tests, replays); default now. */
export function newCheckInId(msecs?: number): string {
  return msecs === undefined ? v7() : v7({ msecs });
}
