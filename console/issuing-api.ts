// The console's side of issuing signed tickets and of the event's signing keys
// (server/routes/signing.ts): the answers' shapes as zod schemas, the calls,
// and refusals told in the console's language by the server's error code.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { CATEGORIES } from '../core/model';
import { ApiFailure, call, enc } from './api';

export const SigningKey = z.object({
  keyId: z.string(),
  status: z.enum(['active', 'verify', 'retired']),
  createdAt: z.string(),
  retiredAt: z.string().optional(),
});
export type SigningKey = z.infer<typeof SigningKey>;
export const SigningKeys = z.object({ eventId: z.string(), keys: z.array(SigningKey) });

export const IssuedTicket = z.object({ serial: z.number(), code: z.string(), name: z.string(), category: z.enum(CATEGORIES), qrSvg: z.string() });
export type IssuedTicket = z.infer<typeof IssuedTicket>;
export const IssueAnswer = z.object({
  issued: z.array(IssuedTicket),
  errors: z.array(z.object({ index: z.number(), message: z.string() })),
});
export type IssueAnswer = z.infer<typeof IssueAnswer>;

const base = (eventId: string) => `/v1/admin/events/${enc(eventId)}`;

export const listKeys = (eventId: string) => call(SigningKeys, `${base(eventId)}/signing-keys`);
export const rotateKey = (eventId: string) => call(SigningKeys, `${base(eventId)}/signing-keys/rotate`, { method: 'POST' });
export const retireKey = (eventId: string, keyId: string) => call(SigningKeys, `${base(eventId)}/signing-keys/${enc(keyId)}/retire`, { method: 'POST' });

/** `names` given: one ticket per name (the roster form of the API); else `count` nameless ones. */
export function issueTickets(eventId: string, category: string, count: number, names: string[]) {
  const json = names.length > 0 ? { people: names.map((name) => ({ name, category })) } : { count, category };
  return call(IssueAnswer, `${base(eventId)}/tickets/issue`, { method: 'POST', json });
}

/** A batch's serials (both inclusive): the files then hold that batch only, not every ticket of the event. */
export interface SerialRange {
  from: number;
  to: number;
}
const rangeQuery = (r?: SerialRange) => (r ? `?from=${r.from}&to=${r.to}` : '');
export const sheetUrl = (eventId: string, range?: SerialRange) => `${base(eventId)}/issued/sheet.pdf${rangeQuery(range)}`;
export const csvUrl = (eventId: string, range?: SerialRange) => `${base(eventId)}/issued/tickets.csv${rangeQuery(range)}`;

/** Codes with a sentence of their own in `issuing.errors`. */
const KNOWN = new Set(['signing_key_locked', 'active_key', 'unknown_key', 'unknown_event', 'forbidden']);

/** The refusal in the console's language when its code is known, else the shell's text (which also handles 401). */
export function issuingError(t: TFunction, handleError: (err: unknown) => string, err: unknown): string {
  const fallback = handleError(err);
  return err instanceof ApiFailure && KNOWN.has(err.code) ? t(`issuing.errors.${err.code}`) : fallback;
}
