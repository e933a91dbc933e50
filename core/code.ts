// What counts as a ticket code: the one gate every scanned or imported code
// passes before lookup (DESIGN.md "Ticket codes"). Roster codes are opaque and
// come from other registration systems, so the rules only keep out what no
// honest code contains: control characters, invisible format characters,
// private-use and unassigned code points, and absurd lengths.

export const MAX_CODE_LENGTH = 256;

/** The prefix of a signed Turnout code. */
export const SIGNED_CODE_PREFIX = 'TO1:';

export type NormalizedScan =
  | { ok: true; code: string }
  | { ok: false; reason: 'malformed'; detail: string };

// Printable ASCII (space through tilde) covers every roster and signed code
// seen in practice (`-_.:/+=` and friends, base64, URLs). Letters, combining
// marks and digits of any script let codes like `서울-0001` through. Anything
// else — control and format characters (zero-width, bidi overrides), symbols,
// private use, lone surrogates — is refused: it is either scanner noise or an
// attempt to make two codes look alike.
const ALLOWED = /^[\x20-\x7E\p{L}\p{Mn}\p{Mc}\p{Nd}]$/u;

function describe(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Trims surrounding whitespace (USB scanners append CR, LF or Tab) and checks
 * the code. The code itself is returned byte for byte otherwise: no case
 * folding or Unicode normalisation, because upstream systems match it exactly.
 */
export function normalizeScan(raw: string): NormalizedScan {
  if (typeof raw !== 'string') return { ok: false, reason: 'malformed', detail: 'not text' };
  // String.prototype.trim also removes NBSP and the BOM some wedges emit.
  const code = raw.trim();
  if (code.length === 0) return { ok: false, reason: 'malformed', detail: 'empty' };
  if (code.length > MAX_CODE_LENGTH) {
    return { ok: false, reason: 'malformed', detail: `too long (${code.length} > ${MAX_CODE_LENGTH})` };
  }
  let index = 0;
  for (const ch of code) {
    if (!ALLOWED.test(ch)) {
      return { ok: false, reason: 'malformed', detail: `character ${describe(ch)} not allowed at position ${index + 1}` };
    }
    index += ch.length;
  }
  return { ok: true, code };
}

/** True for a signed `TO1:` code (whose signature the caller must verify). */
export function isSignedCode(code: string): boolean {
  return code.startsWith(SIGNED_CODE_PREFIX);
}
