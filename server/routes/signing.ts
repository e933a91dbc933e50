// Organiser routes for an event's signing keys (`/v1/admin/events/:id/signing-keys`):
// list (public halves and status only), rotate (a new key signs, the old one keeps
// verifying) and retire (kiosks stop trusting it at their next config pull).
// Revoking one signed ticket is the ticket status route (admin.ts): its code is a
// ticket row, so the change reaches kiosks by the tickets cursor.

import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../admin-auth';
import type { RouteDeps } from '../deps';
import { ApiError, notFound } from '../errors';
import { getEventInfo } from '../repo/events';
import { listSigningKeys, retireKey, rotateKey, type SigningKeyInfo } from '../signing/keys';

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
