// One walk-in registration as the desk form and the self-service form both do it:
// the badge settings read fresh (a setting changed a moment ago counts), the
// ticket, walk-in and check-in stored in one durable transaction, and only then
// the badge printed — a badge stands for a stored registration.
import { loadBadgeSettings, printBadgeFor } from '../badge';
import { getPlatform } from '../platform';
import { registerWalkIn, type WalkInOutcome } from '../storage/walkins';

type RegisterInput = Parameters<typeof registerWalkIn>[1];
type Settings = Awaited<ReturnType<typeof loadBadgeSettings>>;

export async function registerWalkInWithBadge(
  db: Parameters<typeof registerWalkIn>[0],
  input: Omit<RegisterInput, 'printing' | 'journal'>,
  event: Parameters<typeof printBadgeFor>[1]['event'],
  /** What to print with when the stored settings cannot be read (the desk's live copy). */
  fallback?: Settings,
): Promise<WalkInOutcome> {
  const settings = await loadBadgeSettings(db).catch((err: unknown) => {
    if (fallback) return fallback;
    throw err;
  });
  const result = await registerWalkIn(db, { ...input, printing: settings.enabled, journal: getPlatform().journal });
  if (result.kind === 'stored' && result.checkIn.badge && settings.enabled) {
    void printBadgeFor(result.ticket, { db, checkInId: result.checkIn.id, event, settings });
  }
  return result;
}
