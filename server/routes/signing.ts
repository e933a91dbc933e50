// Organiser routes for an event's signing keys (`/v1/admin/events/:id/signing-keys`)
// and for issuing signed tickets (issueRoutes: issue, one ticket's QR, CSV, sheet):
// list (public halves and status only), rotate (a new key signs, the old one keeps
// verifying) and retire (kiosks stop trusting it at their next config pull).
// Revoking one signed ticket is the ticket status route (admin.ts): its code is a
// ticket row, so the change reaches kiosks by the tickets cursor.

import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IssueRequest } from '../../core/protocol';
import { requireAdmin } from '../admin-auth';
import type { RouteDeps } from '../deps';
import { ApiError, notFound, parseOr400 } from '../errors';
import { getEventInfo } from '../repo/events';
import { getTicket } from '../repo/tickets';
import { issueTickets, listIssued, type IssueInput } from '../signing/issue';
import { ticketsCsv } from '../signing/issue-files';
import { listSigningKeys, retireKey, rotateKey, type SigningKeyInfo } from '../signing/keys';
import { qrPng, qrSvg } from '../signing/qr';
import { SigningKeyLockedError } from '../signing/seal';
import { writeSheetPdf } from '../signing/sheet-pdf';

/**
 * `?from=&to=` on the CSV and the sheet: one batch's serials, both inclusive (the
 * issue answer carries them), so a second batch does not reprint the first. Without
 * them, every signed ticket of the event, as before.
 */
const SerialRange = z
  .strictObject({ from: z.coerce.number().int().min(1).optional(), to: z.coerce.number().int().min(1).optional() })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { message: 'from is after to' });
type SerialRange = z.infer<typeof SerialRange>;
const inRange = (r: SerialRange) => (t: { serial: number }) => (r.from === undefined || t.serial >= r.from) && (r.to === undefined || t.serial <= r.to);
const rangeSuffix = (r: SerialRange) => (r.from === undefined && r.to === undefined ? '' : `-${r.from ?? 1}-${r.to ?? 'end'}`);

export interface SigningKeysResponse {
  eventId: string;
  keys: SigningKeyInfo[];
}

export function signingRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, config, now } = deps;
  const auth = requireAdmin(deps);

  async function eventOr404(id: string) {
    const event = await getEventInfo(db, id);
    if (!event) throw notFound(`No event ${id}`, 'unknown_event');
    return event;
  }

  app.get<{ Params: { id: string } }>('/v1/admin/events/:id/signing-keys', { preHandler: auth }, async (request): Promise<SigningKeysResponse> => {
    const event = await eventOr404(request.params.id);
    return { eventId: event.id, keys: await listSigningKeys(db, event.id) };
  });

  app.post<{ Params: { id: string } }>('/v1/admin/events/:id/signing-keys/rotate', { preHandler: auth }, async (request) => {
    const event = await eventOr404(request.params.id);
    const key = await rotateKey(db, event.id, config.keyEncryptionKey, now());
    if (!key) throw notFound(`No event ${event.id}`, 'unknown_event');
    request.log.info({ eventId: event.id, keyId: key.keyId }, 'signing key rotated');
    return { eventId: event.id, key, keys: await listSigningKeys(db, event.id) };
  });

  app.post<{ Params: { id: string; keyId: string } }>('/v1/admin/events/:id/signing-keys/:keyId/retire', { preHandler: auth }, async (request) => {
    const event = await eventOr404(request.params.id);
    const result = await retireKey(db, event.id, request.params.keyId, now());
    if (!result.ok && result.error === 'unknown_key') throw notFound(`No signing key ${request.params.keyId} in event ${event.id}`, 'unknown_key');
    if (!result.ok) throw new ApiError(409, 'active_key', `Key ${request.params.keyId} signs new tickets: rotate first, then retire it.`);
    request.log.info({ eventId: event.id, keyId: result.key.keyId }, 'signing key retired');
    return { eventId: event.id, key: result.key, keys: await listSigningKeys(db, event.id) };
  });
}

/** Issuing over the admin API: the CLI's `issue` without the folder, plus one ticket's QR image, the CSV and the sheet. */
export function issueRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, config, now } = deps;
  const auth = requireAdmin(deps);

  app.post<{ Params: { id: string } }>('/v1/admin/events/:id/tickets/issue', { preHandler: auth }, async (request) => {
    const event = await getEventInfo(db, request.params.id);
    if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
    const body = parseOr400(IssueRequest, request.body);
    const people: IssueInput[] =
      'count' in body ? Array.from({ length: body.count }, () => ({ name: '', company: '', category: body.category, programmes: body.programmes })) : body.people;
    try {
      const result = await issueTickets(db, event.id, people, config.keyEncryptionKey, now());
      request.log.info({ eventId: event.id, issued: result.issued.length, errors: result.errors.length }, 'tickets issued');
      const base = `/v1/admin/events/${encodeURIComponent(event.id)}/tickets`;
      return {
        ...result,
        issued: result.issued.map((t) => ({ ...t, qrPng: `${base}/${encodeURIComponent(t.code)}/qr.png`, qrSvg: `${base}/${encodeURIComponent(t.code)}/qr.svg` })),
      };
    } catch (err) {
      if (err instanceof SigningKeyLockedError) throw new ApiError(503, 'signing_key_locked', err.message);
      throw err;
    }
  });

  for (const kind of ['png', 'svg'] as const) {
    app.get<{ Params: { id: string; code: string } }>(`/v1/admin/events/:id/tickets/:code/qr.${kind}`, { preHandler: auth }, async (request, reply) => {
      const ticket = await getTicket(db, request.params.id, request.params.code);
      if (!ticket) throw notFound(`No ticket ${request.params.code} in event ${request.params.id}`, 'unknown_ticket');
      void reply.header('cache-control', 'private, no-store');
      if (kind === 'png') return reply.type('image/png').send(await qrPng(ticket.code));
      return reply.type('image/svg+xml; charset=utf-8').send(await qrSvg(ticket.code));
    });
  }

  app.get<{ Params: { id: string } }>('/v1/admin/events/:id/issued/tickets.csv', { preHandler: auth }, async (request, reply) => {
    const range = parseOr400(SerialRange, request.query, 'query');
    const event = await getEventInfo(db, request.params.id);
    if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.id}-tickets${rangeSuffix(range)}.csv"`)
      .send(ticketsCsv((await listIssued(db, event.id)).filter(inRange(range))));
  });

  app.get<{ Params: { id: string } }>('/v1/admin/events/:id/issued/sheet.pdf', { preHandler: auth }, async (request, reply) => {
    const range = parseOr400(SerialRange, request.query, 'query');
    const event = await getEventInfo(db, request.params.id);
    if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
    // Revoked tickets are not printed; the CSV keeps them, with their status.
    const tickets = (await listIssued(db, event.id)).filter((t) => t.status === 'valid' && inRange(range)(t));
    // Streamed as it is drawn (1,250 pages are ~21 MB): the first page is on its way at
    // once, memory stays flat, and the server keeps answering kiosks in between.
    const body = new PassThrough();
    writeSheetPdf(tickets, body, `${event.name.ko} · ${event.name.en}`).catch((err: unknown) => request.log.error({ err }, 'sheet.pdf cut off'));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${event.id}-sheet${rangeSuffix(range)}.pdf"`).send(body);
  });
}
