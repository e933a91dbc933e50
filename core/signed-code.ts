// Signed `TO1:` ticket codes (DESIGN.md "Ticket codes"): the pure codec, plus
// Ed25519 signing and verification with @noble/curves (the server signs with
// it; kiosks fall back to it where WebCrypto has no Ed25519).
//
// Text: `TO1:` + unpadded uppercase base32 of `body ‖ signature` — only QR
// alphanumeric characters, so a QR code holds it at 5.5 bits a character.
// Body (big-endian):
//   keyIdLen u8, keyId (ASCII [A-Za-z0-9._-], 1–16)
//   flags u8: bit0 validFrom, bit1 validUntil, bit2 name, bits3–5 category
//             (index in CATEGORIES), bits6–7 zero
//   eventIdLen u8, eventId (UTF-8, 1–32 bytes)
//   serial (unsigned LEB128, 0 … 2^32−1)
//   programmeCount u8, then a 3-byte tag per programme (programmeTag)
//   validFrom u32, validUntil u32 (Unix seconds, each only when flagged)
//   nameLen u8, name (UTF-8; only when flagged; last, so it can be truncated)
// Signature: Ed25519 over `TO1:` ‖ body (signedCodeMessage), 64 bytes.
//
// Programmes travel as 3-byte tags, not ids: two programme ids would already
// fill the room left for the payload. A reader resolves tags against the
// event's programme ids it knows; a tag it cannot resolve stays `#xxxxxx`,
// which matches no checkpoint's list — as it should, since a checkpoint can
// only list programmes the reader already knows.
//
// Room: a QR code of version 7 at error correction M holds 178 alphanumeric
// characters; `TO1:` leaves 174 = 108 bytes, 64 of them the signature. The
// name takes what is left and is cut at a character boundary (or dropped)
// when it does not fit; everything else that does not fit is an error.
import { ed25519 } from '@noble/curves/ed25519.js';
import { base32Decode, base32Encode } from './base32';
import { CATEGORIES, type Category } from './model';
import { SIGNED_CODE_PREFIX } from './code';

export interface SignedPayload {
  eventId: string;
  /** The ticket's number within the event (issuer's choice), 0 … 2^32−1. */
  serial: number;
  category: Category;
  /** Programme ids; on a parsed code, a tag no known id resolved is `#xxxxxx`. */
  programmes: string[];
  /** ISO 8601 instants, whole seconds (finer parts are dropped). */
  validFrom?: string;
  validUntil?: string;
  name?: string;
}

export interface ParsedSignedCode {
  keyId: string;
  payload: SignedPayload;
  /** The bytes the signature covers. */
  message: Uint8Array;
  signature: Uint8Array;
}

export type ParseSignedCodeResult = { ok: true; value: ParsedSignedCode } | { ok: false; error: string };

/** Bytes a code may carry (body + signature) so the text fits a QR version 7-M. */
export const MAX_SIGNED_CODE_BYTES = 108;
export const SIGNATURE_BYTES = 64;
const MAX_KEY_ID = 16;
const MAX_EVENT_ID = 32;
const MAX_SERIAL = 0xffff_ffff;
const KEY_ID = /^[A-Za-z0-9._-]+$/;
const TAG = /^#[0-9a-f]{6}$/;
const PREFIX = new TextEncoder().encode(SIGNED_CODE_PREFIX);
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The 3-byte tag a programme id travels as: FNV-1a 32 folded to 24 bits (`#xxxxxx` stays itself). */
export function programmeTag(id: string): number {
  if (TAG.test(id)) return parseInt(id.slice(1), 16);
  let h = 0x811c9dc5;
  for (const byte of utf8.encode(id)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return ((h >>> 24) ^ h) & 0xffffff;
}

const tagText = (tag: number) => `#${tag.toString(16).padStart(6, '0')}`;

function seconds(iso: string, field: string): number {
  const ms = Date.parse(iso);
  const s = Math.floor(ms / 1000);
  if (!Number.isFinite(ms) || s < 0 || s > MAX_SERIAL) throw new RangeError(`${field} is not an instant between 1970 and 2106: ${iso}`);
  return s;
}

/** The body without the name, or a RangeError naming what cannot be encoded. */
function fixedBody(keyId: string, p: SignedPayload): number[] {
  if (keyId.length < 1 || keyId.length > MAX_KEY_ID || !KEY_ID.test(keyId)) throw new RangeError(`key id must be 1–${MAX_KEY_ID} of A–Z a–z 0–9 . _ -: ${keyId}`);
  const category = CATEGORIES.indexOf(p.category);
  if (category < 0) throw new RangeError(`unknown category: ${p.category}`);
  const event = utf8.encode(p.eventId);
  if (event.length < 1 || event.length > MAX_EVENT_ID) throw new RangeError(`event id must be 1–${MAX_EVENT_ID} UTF-8 bytes`);
  if (!Number.isInteger(p.serial) || p.serial < 0 || p.serial > MAX_SERIAL) throw new RangeError(`serial must be an integer 0–${MAX_SERIAL}`);
  const tags = p.programmes.map(programmeTag);
  if (new Set(tags).size !== tags.length) throw new RangeError('two programmes share a tag (or one is listed twice)');
  const flags = (p.validFrom !== undefined ? 1 : 0) | (p.validUntil !== undefined ? 2 : 0) | (category << 3);
  const out = [keyId.length, ...utf8.encode(keyId), flags, event.length, ...event];
  for (let n = p.serial; ; n = Math.floor(n / 128)) {
    if (n < 128) { out.push(n); break; }
    out.push((n % 128) | 0x80);
  }
  out.push(tags.length);
  for (const t of tags) out.push(t >>> 16, (t >>> 8) & 0xff, t & 0xff);
  for (const [iso, field] of [[p.validFrom, 'validFrom'], [p.validUntil, 'validUntil']] as const) {
    if (iso === undefined) continue;
    const s = seconds(iso, field);
    out.push(s >>> 24, (s >>> 16) & 0xff, (s >>> 8) & 0xff, s & 0xff);
  }
  if (out.length + SIGNATURE_BYTES > MAX_SIGNED_CODE_BYTES) {
    throw new RangeError(`payload needs ${out.length + SIGNATURE_BYTES} of ${MAX_SIGNED_CODE_BYTES} bytes: shorten the ids or list fewer programmes`);
  }
  return out;
}

/** UTF-8 of the longest prefix of `name` (whole code points) that fits `room` bytes. */
function fitName(name: string, room: number): Uint8Array {
  let bytes = utf8.encode(name);
  if (bytes.length <= room) return bytes;
  let cut = '';
  for (const ch of name) {
    const next = cut + ch;
    if (utf8.encode(next).length > room) break;
    cut = next;
  }
  bytes = utf8.encode(cut);
  return bytes;
}

/** Body bytes: the fixed part, then as much of the name as fits (none when nothing does). */
function body(keyId: string, p: SignedPayload): Uint8Array {
  const out = fixedBody(keyId, p);
  const room = MAX_SIGNED_CODE_BYTES - SIGNATURE_BYTES - out.length - 1;
  const name = p.name ? fitName(p.name, Math.min(room, 255)) : new Uint8Array();
  if (name.length > 0) {
    out[keyId.length + 1]! |= 4;
    out.push(name.length, ...name);
  }
  return Uint8Array.from(out);
}

function withPrefix(b: Uint8Array): Uint8Array {
  const m = new Uint8Array(PREFIX.length + b.length);
  m.set(PREFIX);
  m.set(b, PREFIX.length);
  return m;
}

/** The bytes the signature covers: `TO1:` ‖ body. Throws RangeError for a payload that cannot be encoded. */
export function signedCodeMessage(keyId: string, payload: SignedPayload): Uint8Array {
  return withPrefix(body(keyId, payload));
}

/** The code text for a payload and its signature (over signedCodeMessage). Throws RangeError on bad input. */
export function encodeSignedCode(keyId: string, payload: SignedPayload, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new RangeError(`signature must be ${SIGNATURE_BYTES} bytes`);
  const b = body(keyId, payload);
  const all = new Uint8Array(b.length + SIGNATURE_BYTES);
  all.set(b);
  all.set(signature, b.length);
  return SIGNED_CODE_PREFIX + base32Encode(all);
}

/**
 * Reads a code. Never throws: anything not exactly what encodeSignedCode writes
 * (bad characters, non-canonical base32, lengths, reserved bits, bad UTF-8,
 * trailing bytes) is `{ok:false}`. `programmes` resolves tags to these ids.
 * The signature is NOT checked here (verifySignedCode, or the kiosk's verifier).
 */
export function parseSignedCode(code: string, programmes: readonly string[] = []): ParseSignedCodeResult {
  try {
    return parse(code, programmes);
  } catch (e) {
    return { ok: false, error: `unreadable: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function parse(code: string, known: readonly string[]): ParseSignedCodeResult {
  const fail = (error: string): ParseSignedCodeResult => ({ ok: false, error });
  if (typeof code !== 'string' || !code.startsWith(SIGNED_CODE_PREFIX)) return fail('not a TO1: code');
  if (code.length > SIGNED_CODE_PREFIX.length + Math.ceil((MAX_SIGNED_CODE_BYTES * 8) / 5)) return fail('too long');
  const bytes = base32Decode(code.slice(SIGNED_CODE_PREFIX.length));
  if (!bytes) return fail('not canonical base32');
  if (bytes.length <= SIGNATURE_BYTES) return fail('too short');
  const b = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
  let at = 0;
  const need = (n: number) => { if (at + n > b.length) throw new Error('truncated'); const s = b.subarray(at, at + n); at += n; return s; };
  const u8 = (): number => need(1)[0]!;
  const keyId = String.fromCharCode(...need(u8()));
  if (keyId.length < 1 || keyId.length > MAX_KEY_ID || !KEY_ID.test(keyId)) return fail('bad key id');
  const flags = u8();
  if (flags & 0xc0) return fail('reserved flags set');
  const category = CATEGORIES[(flags >> 3) & 7];
  if (!category) return fail('unknown category');
  const eventLength = u8();
  if (eventLength < 1 || eventLength > MAX_EVENT_ID) return fail('bad event id length');
  const eventId = strictUtf8.decode(need(eventLength));
  let serial = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = u8();
    if (shift === 28 && byte > 0x0f) return fail('serial out of range');
    serial += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) { if (byte === 0 && shift > 0) return fail('serial not minimal'); break; }
  }
  const byTag = new Map<number, string | null>();
  for (const id of known) { const t = programmeTag(id); byTag.set(t, byTag.has(t) ? null : id); }
  const programmes: string[] = [];
  for (let n = u8(); n > 0; n--) {
    const t = need(3);
    const tag = (t[0]! << 16) | (t[1]! << 8) | t[2]!;
    if (programmes.some((p) => programmeTag(p) === tag)) return fail('programme listed twice');
    programmes.push(byTag.get(tag) ?? tagText(tag));
  }
  const instant = () => { const s = need(4); return new Date((((s[0]! << 24) >>> 0) + (s[1]! << 16) + (s[2]! << 8) + s[3]!) * 1000).toISOString(); };
  const payload: SignedPayload = { eventId, serial, category, programmes };
  if (flags & 1) payload.validFrom = instant();
  if (flags & 2) payload.validUntil = instant();
  if (flags & 4) {
    const length = u8();
    if (length < 1) return fail('empty name');
    payload.name = strictUtf8.decode(need(length));
  }
  if (at !== b.length) return fail('trailing bytes');
  return { ok: true, value: { keyId, payload, message: withPrefix(b), signature: bytes.slice(b.length) } };
}

/** Raw bytes of a base64url (or base64) string, or null. */
export function base64UrlBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '').padEnd(Math.ceil(text.replace(/=+$/, '').length / 4) * 4, '='));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Signs a payload with a 32-byte Ed25519 secret key and returns the code text. */
export function signSignedCode(secretKey: Uint8Array, keyId: string, payload: SignedPayload): string {
  return encodeSignedCode(keyId, payload, ed25519.sign(signedCodeMessage(keyId, payload), secretKey));
}

/**
 * True when `signature` is a valid Ed25519 signature of `message` by the raw
 * 32-byte `publicKey` (RFC 8032 rules, not ZIP-215, to agree with WebCrypto). Never throws.
 */
export function verifySignedCode(parsed: Pick<ParsedSignedCode, 'message' | 'signature'>, publicKey: Uint8Array): boolean {
  try {
    return publicKey.length === 32 && ed25519.verify(parsed.signature, parsed.message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
