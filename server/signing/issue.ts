// Issuing signed tickets (DESIGN.md "Ticket codes"; the CLI's `issue` and the
// admin issue route): one `TO1:` code per person, signed with the event's active
// key, and its ticket row, so a signed code and its roster row are one ticket
// (kiosks pull the row by the tickets cursor; revoking it revokes the code).
// Serials are unique per event (issued_codes). A roster row's own code is kept
// as `ref`: issuing the same row again keeps its serial, and when its code
// comes out different (edited name, a rotated key) the old code is revoked, so
// only the newest printout admits.
// Signing uses node:crypto (the same Ed25519, several times faster than the
// pure-JS signer for 10,000 tickets) over core/signed-code's message and text.

import { createPrivateKey, sign as edSign, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Category } from '../../core/model';
import { encodeSignedCode, signedCodeMessage, type SignedPayload } from '../../core/signed-code';
import type { Database } from '../db/schema-types';
import { lockSequence } from '../db/seq';
import { importTickets, setTicketStatus, type TicketInput } from '../repo/tickets';
import { activeSigner } from './keys';

/** A person to issue a ticket for; `ref` is their code in the organiser's own roster, if any. */
export interface IssueInput {
  ref?: string;
  name: string;
  company: string;
  category: Category;
  programmes: string[];
  validFrom?: string;
  validUntil?: string;
  note?: string;
}

/** A person's ticket fields, optional ones left out when empty (roster rows and issued tickets alike). */
export function personFields(t: Omit<IssueInput, 'ref'>): Omit<IssueInput, 'ref'> {
  return {
    name: t.name,
    company: t.company,
    category: t.category,
    programmes: t.programmes,
    ...(t.validFrom ? { validFrom: t.validFrom } : {}),
    ...(t.validUntil ? { validUntil: t.validUntil } : {}),
    ...(t.note ? { note: t.note } : {}),
  };
}

export interface IssuedTicket extends IssueInput {
  serial: number;
  code: string;
  keyId: string;
}

export interface IssueResult {
  issued: IssuedTicket[];
  /** Inputs that could not be encoded (index in the input list, why). */
  errors: { index: number; message: string }[];
  /** Old codes of re-issued rows, now revoked. */
  revoked: string[];
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 secret (RFC 8410), for node:crypto.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const keyObject = (secret: Uint8Array): KeyObject => createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, secret]), format: 'der', type: 'pkcs8' });

/** The payload of a person's code; the name is cut by the codec when it does not fit a QR 7-M. */
function payloadOf(eventId: string, serial: number, p: IssueInput): SignedPayload {
  return {
    eventId,
    serial,
    category: p.category,
    programmes: p.programmes,
    ...(p.validFrom ? { validFrom: p.validFrom } : {}),
    ...(p.validUntil ? { validUntil: p.validUntil } : {}),
    ...(p.name ? { name: p.name } : {}),
  };
}

/**
 * Issues one signed ticket per input. Throws SigningKeyLockedError when the
 * event's key cannot be opened (TURNOUT_KEY_ENCRYPTION_KEY), an Error for an
 * unknown event; inputs the codec refuses (ids too long, too many programmes)
 * are reported in `errors` and get no serial.
 */
export async function issueTickets(db: Kysely<Database>, eventId: string, inputs: readonly IssueInput[], kek: Buffer | undefined, now = Date.now()): Promise<IssueResult> {
  const signer = await activeSigner(db, eventId, kek, now);
  if (!signer) throw new Error(`Unknown event ${eventId}`);
  const key = keyObject(signer.secretKey);
  const result: IssueResult = { issued: [], errors: [], revoked: [] };
  const superseded: string[] = [];

  await db.transaction().execute(async (trx) => {
    if (!(await lockSequence(trx, eventId))) throw new Error(`Unknown event ${eventId}`);
    const maxRow = await trx.selectFrom('issued_codes').select((eb) => eb.fn.max('serial').as('m')).where('event_id', '=', eventId).executeTakeFirst();
    let next = Number(maxRow?.m ?? 0) + 1;
    const refs = [...new Set(inputs.map((p) => p.ref).filter((r): r is string => !!r))];
    const known = new Map<string, { serial: number; code: string }>();
    for (let i = 0; i < refs.length; i += 500) {
      const rows = await trx.selectFrom('issued_codes').select(['ref', 'serial', 'code']).where('event_id', '=', eventId).where('ref', 'in', refs.slice(i, i + 500)).execute();
      for (const r of rows) known.set(r.ref!, { serial: Number(r.serial), code: r.code });
    }
    const rows: Database['issued_codes'][] = [];
    inputs.forEach((p, index) => {
      const before = p.ref ? known.get(p.ref) : undefined;
      const serial = before?.serial ?? next;
      let code: string;
      try {
        const payload = payloadOf(eventId, serial, p);
        const message = signedCodeMessage(signer.keyId, payload);
        code = encodeSignedCode(signer.keyId, payload, new Uint8Array(edSign(null, message, key)));
      } catch (err) {
        result.errors.push({ index, message: err instanceof Error ? err.message : String(err) });
        return;
      }
      if (!before) next++;
      if (before && before.code !== code) superseded.push(before.code);
      if (p.ref) known.set(p.ref, { serial, code });
      rows.push({ event_id: eventId, serial, code, ref: p.ref ?? null, key_id: signer.keyId, issued_at: now });
      result.issued.push({ ...p, serial, code, keyId: signer.keyId });
    });
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('issued_codes')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['event_id', 'serial']).doUpdateSet((eb) => ({ code: eb.ref('excluded.code'), key_id: eb.ref('excluded.key_id'), issued_at: eb.ref('excluded.issued_at') })))
        .execute();
    }
  });

  const tickets: TicketInput[] = result.issued.map((t) => ({ code: t.code, ...personFields(t) }));
  await importTickets(db, eventId, tickets, now);
  const fresh = new Set(result.issued.map((t) => t.code));
  for (const old of superseded) {
    if (fresh.has(old)) continue;
    if (await setTicketStatus(db, eventId, old, 'revoked', now)) result.revoked.push(old);
  }
  return result;
}

/** Every ticket issued in the event, by serial, with its ticket row's current fields and status. */
export async function listIssued(db: Kysely<Database>, eventId: string): Promise<(IssuedTicket & { status: string })[]> {
  const rows = await db
    .selectFrom('issued_codes as i')
    .innerJoin('tickets as t', (j) => j.onRef('t.event_id', '=', 'i.event_id').onRef('t.code', '=', 'i.code'))
    .select(['i.serial', 'i.code', 'i.ref', 'i.key_id', 't.name', 't.company', 't.category', 't.programmes', 't.valid_from', 't.valid_until', 't.note', 't.status'])
    .where('i.event_id', '=', eventId)
    .orderBy('i.serial')
    .execute();
  return rows.map((r) => ({
    serial: Number(r.serial),
    code: r.code,
    keyId: r.key_id,
    ...(r.ref ? { ref: r.ref } : {}),
    name: r.name,
    company: r.company,
    category: r.category as Category,
    programmes: JSON.parse(r.programmes) as string[],
    ...(r.valid_from ? { validFrom: r.valid_from } : {}),
    ...(r.valid_until ? { validUntil: r.valid_until } : {}),
    ...(r.note ? { note: r.note } : {}),
    status: r.status,
  }));
}
