// The self-service second factor (issue 12): the last four digits of a phone
// number, from an optional roster column (`phone_last4`, `연락처뒤4자리`). Never
// kept in clear: the importer turns the digits into an HMAC-SHA256 keyed with a
// per-event salt (event id + a random secret), stores only that as
// `Ticket.factorHash`, and the self-service lookup hashes what the person types
// the same way and compares. Honest limit: four digits are 10,000 values, so
// whoever holds both a hash and its salt can find them by trying all; the hash
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

/** `h1:` + base64url(HMAC-SHA256(salt, "phone4:" + digits)). */
export async function hashSecondFactor(salt: string, digits: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, enc.encode(`phone4:${digits}`));
  return `h1:${base64url(new Uint8Array(mac))}`;
}

/** Tickets with `factorHash` set from `factors` (code → last four digits); the digits go no further. */
export async function withSecondFactors<T extends { code: string; factorHash?: string }>(
  tickets: T[],
  factors: ReadonlyMap<string, string> | undefined,
  salt: string,
): Promise<T[]> {
  if (!factors || factors.size === 0) return tickets;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const enc = new TextEncoder();
  return Promise.all(
    tickets.map(async (t) => {
      const digits = factors.get(t.code);
      if (digits === undefined) return t;
      const mac = await crypto.subtle.sign('HMAC', key, enc.encode(`phone4:${digits}`));
      return { ...t, factorHash: `h1:${base64url(new Uint8Array(mac))}` };
    }),
  );
}
