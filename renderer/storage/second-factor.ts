// The kiosk's side of the self-service second factor (core/second-factor.ts):
// the random secret of this kiosk's own roster imports (made once, kept in
// IndexedDB's meta, never shown), so a local import's phone hashes are salted
// per event, and the marks that this roster carries phone or birth-date hashes
// at all — then self-service asks everyone for that factor, never for some
// only (which would tell a stranger whose name is on the roster). A paired kiosk
// takes both from the server's config instead (adoptServerFactor): the server's
// importer hashed the pulled tickets' factors, so its secret and its mark win.
import { factorSalt } from '../../core/second-factor';
import { getMeta, setMeta, type TurnoutDb } from './db';

const SECRET = 'selfService.factorSecret';
const HAS_PHONE = 'selfService.phoneFactor';
const HAS_BIRTH = 'selfService.birthFactor';

/** This kiosk's salt for `eventId`, its random secret made on first use. */
export async function kioskFactorSalt(db: TurnoutDb, eventId: string): Promise<string> {
  const secret = await db.transaction('rw', db.meta, async () => {
    const existing = await getMeta<string>(db, SECRET);
    if (existing) return existing;
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const made = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    await setMeta(db, SECRET, made);
    return made;
  });
  return factorSalt(eventId, secret);
}

export function markPhoneFactor(db: TurnoutDb): Promise<void> {
  return setMeta(db, HAS_PHONE, true);
}

export async function hasPhoneFactor(db: TurnoutDb): Promise<boolean> {
  return (await getMeta<boolean>(db, HAS_PHONE)) === true;
}

export function markBirthFactor(db: TurnoutDb): Promise<void> {
  return setMeta(db, HAS_BIRTH, true);
}

/** Which factors self-service may ask for: what this roster's hashes allow. */
export async function rosterFactors(db: TurnoutDb): Promise<{ phone: boolean; birth: boolean }> {
  const [phone, birth] = await Promise.all([getMeta<boolean>(db, HAS_PHONE), getMeta<boolean>(db, HAS_BIRTH)]);
  return { phone: phone === true, birth: birth === true };
}

/**
 * A paired kiosk's factor from its config (renderer/sync/config.ts): the server's
 * secret replaces this kiosk's own, and the server says whether the roster has
 * phone hashes (a server before this omits both: name + company then).
 */
export async function adoptServerFactor(
  db: TurnoutDb,
  factor: { factorSecret?: string; phoneFactor?: boolean; birthFactor?: boolean },
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (factor.factorSecret) await setMeta(db, SECRET, factor.factorSecret);
    await setMeta(db, HAS_PHONE, factor.phoneFactor === true);
    await setMeta(db, HAS_BIRTH, factor.birthFactor === true);
  });
}
