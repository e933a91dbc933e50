// The self-service second factors (issue 12): the last four digits of a phone
// number, from an optional roster column (`phone_last4`, `연락처뒤4자리`), and
// a birth date as YYMMDD (`birth_date`, `생년월일`; core/birth-date.ts). Never
// kept in clear: the importer turns the digits into an HMAC-SHA256 keyed with a
// per-event salt (event id + a random secret), stores only that as
// `Ticket.factorHash` (phone) or `Ticket.birthHash`, and the self-service lookup
// hashes what the person types the same way and compares. The two kinds hash
// under different prefixes, so 4321 as phone digits never equals anything of a
// birth date. Honest limit: four digits are 10,000 values, so
// whoever holds both a hash and its salt can find them by trying all (a birth
// date is about 36,500 values for a century: no better); the hash
// keeps the digits off screens, exports and casual reads of the database, and
// the salt keeps hashes of two events from being compared. Pure (WebCrypto).

/** The last four digits of a cell (a full number such as 010-1234-5678 gives 5678), or null with fewer than four. */
export function lastFourDigits(cell: string): string | null {
  const digits = cell.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** The HMAC key of an event: its id and its random secret, so equal digits hash apart in two events. */
export function factorSalt(eventId: string, secret: string): string {
  return `turnout-factor-v1\u0000${eventId}\u0000${secret}`;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Which factor: the phone's last four digits, or a birth date as YYMMDD. */
export type FactorKind = 'phone' | 'birth';
const PREFIX: Record<FactorKind, string> = { phone: 'phone4:', birth: 'birth6:' };

const hmacKey = (salt: string) =>
  crypto.subtle.importKey('raw', new TextEncoder().encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

async function mac(key: CryptoKey, kind: FactorKind, digits: string): Promise<string> {
  const bytes = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${PREFIX[kind]}${digits}`));
  return `h1:${base64url(new Uint8Array(bytes))}`;
}

/** `h1:` + base64url(HMAC-SHA256(salt, "phone4:" + digits)), or "birth6:" + YYMMDD for a birth date. */
export async function hashSecondFactor(salt: string, digits: string, kind: FactorKind = 'phone'): Promise<string> {
  return mac(await hmacKey(salt), kind, digits);
}

/**
 * Tickets with `factorHash` set from `phones` (code → last four digits) and
 * `birthHash` from `births` (code → YYMMDD); the digits go no further.
 */
export async function withSecondFactors<T extends { code: string; factorHash?: string; birthHash?: string }>(
  tickets: T[],
  phones: ReadonlyMap<string, string> | undefined,
  salt: string,
  births?: ReadonlyMap<string, string>,
): Promise<T[]> {
  if (!phones?.size && !births?.size) return tickets;
  const key = await hmacKey(salt);
  return Promise.all(
    tickets.map(async (t) => {
      const phone = phones?.get(t.code);
      const birth = births?.get(t.code);
      if (phone === undefined && birth === undefined) return t;
      return {
        ...t,
        ...(phone !== undefined ? { factorHash: await mac(key, 'phone', phone) } : {}),
        ...(birth !== undefined ? { birthHash: await mac(key, 'birth', birth) } : {}),
      };
    }),
  );
}
