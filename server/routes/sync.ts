// Device routes of sync protocol v1 (`/v1/sync/*`): config with ETag, roster
// and check-in pulls by cursor, idempotent uploads, online decisions and the
// heartbeat. Every route needs a paired, unrevoked device token.

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DecideRequest,
  HeartbeatRequest,
  MAX_UPLOAD_ITEMS,
  PageQuery,
  UploadRequest,
  VoidUploadRequest,
  WalkInUploadRequest,
  FEATURE_VOIDS,
  FEATURE_WALKINS,
  type ConfigResponse,
  type RecordUploadResponse,
  type HeartbeatResponse,
  type UploadResponse,
} from '../../core/protocol';
import { deviceOf, requireDevice } from '../auth';
import type { RouteDeps } from '../deps';
import { ApiError, parseOr400, unprocessable } from '../errors';
import { pullCheckins, type DeviceScope } from '../repo/checkins';
import { decideAndRecord } from '../repo/decide';
import { namespacesOf, recordHeartbeat } from '../repo/devices';
import { reportHelp } from '../repo/help';
import { getCheckpoints, getEventBundle, getEventInfo, getStaffPinHash } from '../repo/events';
import { createIngest } from '../repo/ingest';
import { configFactor } from '../repo/second-factor';
import { pullTickets } from '../repo/tickets';
import { pullVoids, storeVoids } from '../repo/voids';
import { storeWalkIns } from '../repo/walkins';
import { ensureActiveKey } from '../signing/keys';

/** What this server speaks beyond the v1 routes, announced in the config (core/protocol.ts). */
export const SERVER_FEATURES: string[] = [FEATURE_VOIDS, FEATURE_WALKINS];

/** True when an If-None-Match header names this ETag (or `*`). */
/** More items than one upload may carry: 413 before the body is even validated. */
function tooMany(body: unknown): void {
  const raw = body as { items?: unknown } | null;
  if (raw && Array.isArray(raw.items) && raw.items.length > MAX_UPLOAD_ITEMS) {
    throw new ApiError(413, 'too_many_items', `At most ${MAX_UPLOAD_ITEMS} records per upload, got ${raw.items.length}`);
  }
}

function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(',') : header).split(',').map((v) => v.trim());
  return values.some((v) => v === '*' || v === etag || v === `W/${etag}`);
}

export function syncRoutes(app: FastifyInstance, { db, now, config }: RouteDeps): void {
  const auth = requireDevice(db);
  const ingest = createIngest(db, now);

  async function scopeOf(request: FastifyRequest): Promise<DeviceScope & { retainUntil?: string }> {
    const device = deviceOf(request);
    const [event, checkpoints] = await Promise.all([
      getEventInfo(db, device.event_id),
      getCheckpoints(db, device.event_id),
    ]);
    if (!event) throw new ApiError(410, 'event_gone', `Event ${device.event_id} no longer exists`);
    return { eventId: event.id, deviceId: device.id, timeZone: event.timeZone, checkpoints, ...(event.retainUntil ? { retainUntil: event.retainUntil } : {}) };
  }

  app.get('/v1/sync/config', { preHandler: auth }, async (request, reply) => {
    const device = deviceOf(request);
    // First need of a signing key: a kiosk must hold the public key before any code is
    // issued, or it could not verify offline what is issued after its last sync.
    await ensureActiveKey(db, device.event_id, config.keyEncryptionKey, now());
    const [bundle, staffPin, factor] = await Promise.all([
      getEventBundle(db, device.event_id),
      getStaffPinHash(db, device.event_id),
      configFactor(db, device.event_id),
    ]);
    if (!bundle) throw new ApiError(410, 'event_gone', `Event ${device.event_id} no longer exists`);
    // staffPin is optional in the contract: absent (not null) while the organiser has set none.
    const body: ConfigResponse = {
      protocol: 1,
      ...bundle,
      deviceCheckpointId: device.assigned_checkpoint_id ?? device.checkpoint_id,
      ...(staffPin && { staffPin }),
      features: SERVER_FEATURES,
      // Self-service second factor: the secret only to paired devices, never in the admin API.
      ...factor,
    };
    const json = JSON.stringify(body);
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
    void reply.header('etag', etag).header('cache-control', 'no-cache');
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(json);
  });

  app.get('/v1/sync/tickets', { preHandler: auth }, async (request) => {
    const q = parseOr400(PageQuery, request.query, 'query');
    return pullTickets(db, deviceOf(request).event_id, q.after, q.limit);
  });

  app.get('/v1/sync/checkins', { preHandler: auth }, async (request) => {
    const q = parseOr400(PageQuery, request.query, 'query');
    return pullCheckins(db, deviceOf(request).event_id, q.after, q.limit);
  });

  app.post('/v1/sync/checkins', { preHandler: auth }, async (request): Promise<UploadResponse> => {
    const raw = request.body as { items?: unknown } | null;
    if (raw && Array.isArray(raw.items) && raw.items.length > MAX_UPLOAD_ITEMS) {
      throw new ApiError(413, 'too_many_items', `At most ${MAX_UPLOAD_ITEMS} check-ins per upload, got ${raw.items.length}`);
    }
    const body = parseOr400(UploadRequest, request.body);
    const device = deviceOf(request);
    // Checkpoints are checked, and the batch stored, in a transaction shared
    // with concurrent uploads of the event (repo/ingest.ts).
    const results = await ingest.submit(device.event_id, { deviceId: device.id, items: body.items });
    request.log.info(
      { deviceId: device.id, items: results.length, stored: results.filter((r) => r.status !== 'duplicate').length },
      'check-ins uploaded',
    );
    return { results };
  });

  // Undo (feature `voids`): idempotent by id, like check-ins.
  app.post('/v1/sync/voids', { preHandler: auth }, async (request): Promise<RecordUploadResponse> => {
    tooMany(request.body);
    const body = parseOr400(VoidUploadRequest, request.body);
    const device = deviceOf(request);
    const results = await storeVoids(db, { eventId: device.event_id, deviceId: device.id, namespaces: namespacesOf(device) }, body.items, now());
    request.log.info({ deviceId: device.id, items: results.length, stored: results.filter((r) => r.status === 'stored').length }, 'voids uploaded');
    return { results };
  });

  app.get('/v1/sync/voids', { preHandler: auth }, async (request) => {
    const q = parseOr400(PageQuery, request.query, 'query');
    return pullVoids(db, deviceOf(request).event_id, q.after, q.limit);
  });

  // Walk-ins (feature `walkins`): idempotent by id; each becomes a ticket that every kiosk pulls.
  app.post('/v1/sync/walkins', { preHandler: auth }, async (request): Promise<RecordUploadResponse> => {
    tooMany(request.body);
    const body = parseOr400(WalkInUploadRequest, request.body);
    const scope = await scopeOf(request);
    const results = await storeWalkIns(
      db,
      {
        eventId: scope.eventId,
        deviceId: scope.deviceId,
        namespaces: namespacesOf(deviceOf(request)),
        timeZone: scope.timeZone,
        retainUntil: scope.retainUntil,
        checkpoints: new Set(scope.checkpoints.keys()),
      },
      body.items,
      now(),
    );
    request.log.info({ deviceId: scope.deviceId, items: results.length, stored: results.filter((r) => r.status === 'stored').length }, 'walk-ins uploaded');
    return { results };
  });

  app.post('/v1/sync/decide', { preHandler: auth }, async (request) => {
    const body = parseOr400(DecideRequest, request.body);
    const scope = await scopeOf(request);
    if (!scope.checkpoints.has(body.checkpointId)) {
      throw unprocessable(`Unknown checkpoint ${body.checkpointId}`, 'unknown_checkpoint');
    }
    return decideAndRecord(db, scope, body, now());
  });

  app.post('/v1/sync/heartbeat', { preHandler: auth }, async (request): Promise<HeartbeatResponse> => {
    const body = parseOr400(HeartbeatRequest, request.body);
    const t = now();
    const clockOffsetMs = Math.round(t - Date.parse(body.clock));
    await recordHeartbeat(
      db,
      deviceOf(request).id,
      {
        outboxDepth: body.outboxDepth,
        lastSyncAt: body.lastSyncAt ? Date.parse(body.lastSyncAt) : null,
        appVersion: body.appVersion,
        clockOffsetMs,
        ...(body.checkpointId !== undefined ? { checkpointId: body.checkpointId } : {}),
      },
      t,
    );
    const helpCleared = await reportHelp(db, deviceOf(request).id, body.help);
    return { serverTime: new Date(t).toISOString(), clockOffsetMs, ...(helpCleared ? { helpCleared } : {}) };
  });
}
