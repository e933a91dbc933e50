// Organiser routes (`/v1/admin/*`, admin token): events with programmes and
// checkpoints, the event's staff PIN, ticket status,
// pairing codes and devices (list, rename/move, revoke). Access (admin token,
// viewer token, console session with CSRF) is admin-auth.ts's. Roster imports are
// in import.ts, reports (tallies, exports) in reports.ts.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatPairingLink } from '../../core/pairing-link';
import { PinSchema } from '../../core/kiosk-api';
import {
  DevicePatch,
  HelpClearRequest,
  EventBundle,
  PairingCodeRequest,
  TicketStatusRequest,
  type AdminEventsResponse,
  type DevicesResponse,
  type HelpClearResponse,
  type PairingCode,
} from '../../core/protocol';
import { requireAdmin } from '../admin-auth';
import type { RouteDeps } from '../deps';
import { badRequest, notFound, parseOr400, unprocessable } from '../errors';
import { createPairingCode, getDevice, listDevices, revokeDevice, updateDevice } from '../repo/devices';
import { clearHelp } from '../repo/help';
import { getEventBundle, getEventInfo, hashStaffPin, listEventBundles, storeStaffPinHash, upsertEventBundle } from '../repo/events';
import { adminTicket, setTicketStatus } from '../repo/tickets';
import { pairingServers } from '../tls/link-servers';
import { purgeExpired } from '../repo/retention';
import { listWalkIns } from '../repo/walkins';
import type { WalkInsResponse } from '../../core/protocol';

/**
 * The pairing link (core/pairing-link.ts, docs/ARCHITECTURE.md "Pairing"): one or
 * several servers, and the server key's pin `fp` when the venue CA is in use.
 */
export function pairingLink(server: string | readonly string[], code: string, checkpointId?: string | null, fp?: string): string {
  return formatPairingLink({ servers: server, code, checkpointId, fp });
}

type IdParams = { id: string };

/** `PUT /v1/admin/events/:id/staff-pin`: the PIN itself travels only here, over the admin channel. */
export const StaffPinRequest = z.strictObject({ pin: PinSchema });

/** What the staff-PIN routes answer: never the hash, only whether and when it was set. */
export interface StaffPinState {
  eventId: string;
  staffPin: { setAt: string; iterations: number } | null;
}

export function adminRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, config, now, tls } = deps;
  const auth = requireAdmin(deps);

  async function eventOr404(request: FastifyRequest<{ Params: IdParams }>) {
    const event = await getEventInfo(db, request.params.id);
    if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
    return event;
  }

  // Walk-ins with their consents, the later of two possible registrations of one person flagged.
  app.get<{ Params: IdParams }>('/v1/admin/events/:id/walkins', { preHandler: auth }, async (request): Promise<WalkInsResponse> => {
    const event = await eventOr404(request);
    const items = await listWalkIns(db, event.id);
    return { eventId: event.id, items, possibleDuplicates: items.filter((w) => w.possibleDuplicateOf !== null).length };
  });

  // Retention now (the server also runs it at start and every few minutes): events past their date lose their personal data.
  app.post('/v1/admin/retention/purge', { preHandler: auth }, async () => ({ purged: await purgeExpired(db, now()) }));

  app.get('/v1/admin/events', { preHandler: auth }, async (): Promise<AdminEventsResponse> => ({
    events: await listEventBundles(db),
  }));

  app.get<{ Params: IdParams }>('/v1/admin/events/:id', { preHandler: auth }, async (request) => {
    const bundle = await getEventBundle(db, request.params.id);
    if (!bundle) throw notFound(`No event ${request.params.id}`, 'unknown_event');
    return bundle;
  });

  app.post('/v1/admin/events', { preHandler: auth }, async (request) => {
    const bundle = parseOr400(EventBundle, request.body);
    const id = bundle.event.id;
    const foreign = [...bundle.programmes, ...bundle.checkpoints].find((x) => x.eventId !== id);
    if (foreign) throw badRequest(`${foreign.id} belongs to event ${foreign.eventId}, not ${id}`);
    for (const list of [bundle.programmes, bundle.checkpoints]) {
      const ids = list.map((x) => x.id);
      const dup = ids.find((x, i) => ids.indexOf(x) !== i);
      if (dup) throw badRequest(`Duplicate id ${dup}`);
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: bundle.event.timeZone });
    } catch {
      throw badRequest(`Unknown time zone ${bundle.event.timeZone}`);
    }
    await upsertEventBundle(db, bundle, now());
    request.log.info({ eventId: id }, 'event saved');
    return getEventBundle(db, id);
  });

  // Paired kiosks pick the hash up with their next config pull (the config's
  // ETag changes with it) and verify the PIN offline from then on.
  app.put<{ Params: IdParams }>('/v1/admin/events/:id/staff-pin', { preHandler: auth }, async (request): Promise<StaffPinState> => {
    const event = await eventOr404(request);
    const { pin } = parseOr400(StaffPinRequest, request.body);
    const hash = await hashStaffPin(pin, undefined, now());
    await storeStaffPinHash(db, event.id, hash, now());
    request.log.info({ eventId: event.id }, 'staff PIN set');
    return { eventId: event.id, staffPin: { setAt: hash.setAt, iterations: hash.iterations } };
  });

  // Kiosks keep the PIN they have; only new kiosks no longer get one from the config.
  app.delete<{ Params: IdParams }>('/v1/admin/events/:id/staff-pin', { preHandler: auth }, async (request): Promise<StaffPinState> => {
    const event = await eventOr404(request);
    await storeStaffPinHash(db, event.id, null, now());
    request.log.info({ eventId: event.id }, 'staff PIN cleared');
    return { eventId: event.id, staffPin: null };
  });

  app.patch<{ Params: IdParams & { code: string } }>(
    '/v1/admin/events/:id/tickets/:code',
    { preHandler: auth },
    async (request) => {
      const body = parseOr400(TicketStatusRequest, request.body);
      const ticket = await setTicketStatus(db, request.params.id, request.params.code, body.status, now());
      if (!ticket) throw notFound(`No ticket ${request.params.code} in event ${request.params.id}`, 'unknown_ticket');
      return adminTicket(ticket);
    },
  );

  app.post<{ Params: IdParams }>(
    '/v1/admin/events/:id/pairing-codes',
    { preHandler: auth },
    async (request): Promise<PairingCode> => {
      const event = await eventOr404(request);
      const body = parseOr400(PairingCodeRequest, request.body ?? {});
      const checkpointId = body.checkpointId ?? null;
      if (checkpointId) {
        const bundle = await getEventBundle(db, event.id);
        if (!bundle?.checkpoints.some((c) => c.id === checkpointId)) {
          throw unprocessable(`Unknown checkpoint ${checkpointId}`, 'unknown_checkpoint');
        }
      }
      const ttlMs = body.ttlSeconds !== undefined ? body.ttlSeconds * 1000 : config.pairingTtlMs;
      const { code, expiresAt } = await createPairingCode(db, event.id, checkpointId, ttlMs, now());
      const servers = pairingServers({ publicUrl: config.publicUrl, requestOrigin: `${request.protocol}://${request.host}`, known: tls?.servers() ?? [] });
      // TURNOUT_PUBLIC_URL names a proxy or a publicly trusted certificate: not the key pinned here.
      const fp = config.publicUrl ? undefined : tls?.pin();
      return { code, link: pairingLink(servers, code, checkpointId, fp), expiresAt: new Date(expiresAt).toISOString() };
    },
  );

  app.get<{ Querystring: { eventId?: string } }>(
    '/v1/admin/devices',
    { preHandler: auth },
    async (request): Promise<DevicesResponse> => ({ devices: await listDevices(db, request.query.eventId) }),
  );

  // Rename a desk, or move it to another checkpoint of its own event.
  app.patch<{ Params: IdParams }>('/v1/admin/devices/:id', { preHandler: auth }, async (request) => {
    const patch = parseOr400(DevicePatch, request.body);
    const device = await getDevice(db, request.params.id);
    if (!device) throw notFound(`No device ${request.params.id}`, 'unknown_device');
    if (patch.checkpointId !== undefined) {
      const bundle = await getEventBundle(db, device.eventId);
      if (!bundle?.checkpoints.some((c) => c.id === patch.checkpointId)) {
        throw unprocessable(`Unknown checkpoint ${patch.checkpointId}`, 'unknown_checkpoint');
      }
    }
    await updateDevice(db, device.id, patch, now());
    request.log.info({ deviceId: device.id, ...patch }, 'device updated');
    return getDevice(db, device.id);
  });

  // Staff saw a kiosk's help call; the kiosk hears it on its next heartbeat.
  app.post<{ Params: IdParams }>('/v1/admin/devices/:id/help/clear', { preHandler: auth }, async (request): Promise<HelpClearResponse> => {
    const body = parseOr400(HelpClearRequest, request.body ?? {});
    const cleared = await clearHelp(db, request.params.id, body.id);
    if (cleared === null) throw notFound(`No device ${request.params.id}`, 'unknown_device');
    request.log.info({ deviceId: request.params.id, cleared }, 'help call cleared');
    return { id: request.params.id, cleared };
  });

  app.post<{ Params: IdParams }>('/v1/admin/devices/:id/revoke', { preHandler: auth }, async (request) => {
    if (!(await revokeDevice(db, request.params.id))) throw notFound(`No device ${request.params.id}`, 'unknown_device');
    request.log.info({ deviceId: request.params.id }, 'device revoked');
    return { id: request.params.id, revoked: true };
  });
}
