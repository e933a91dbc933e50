// `POST /v1/devices/pair`: a one-time pairing code becomes a device id and a
// bearer token. Rate-limited per IP much harder than the rest, so codes
// cannot be guessed.

import type { FastifyInstance } from 'fastify';
import { PairRequest, type PairResponse } from '../../core/protocol';
import type { RouteDeps } from '../deps';
import { ApiError, parseOr400 } from '../errors';
import { redeemPairingCode } from '../repo/devices';

const FAILURES = {
  unknown: new ApiError(404, 'pairing_code_unknown', 'No such pairing code'),
  used: new ApiError(409, 'pairing_code_used', 'This pairing code was already used'),
  expired: new ApiError(410, 'pairing_code_expired', 'This pairing code has expired'),
} as const;

export function pairRoutes(app: FastifyInstance, { db, config, now }: RouteDeps): void {
  const rateLimit = config.rateLimit
    ? { max: config.rateLimit.pairMax, timeWindow: config.rateLimit.windowMs, keyGenerator: (r: { ip: string }) => `pair:${r.ip}` }
    : false;
  app.post('/v1/devices/pair', { config: { rateLimit } }, async (request): Promise<PairResponse> => {
    const body = parseOr400(PairRequest, request.body);
    const result = await redeemPairingCode(db, body.code, body.name.trim(), now(), body.replaces);
    if (!result.ok) {
      const f = FAILURES[result.reason];
      throw new ApiError(f.statusCode, f.code, f.message);
    }
    request.log.info({ deviceId: result.deviceId, eventId: result.eventId, replaces: result.lineage?.[0] }, 'device paired');
    return {
      deviceId: result.deviceId,
      token: result.token,
      eventId: result.eventId,
      checkpointId: result.checkpointId,
      ...(result.lineage ? { lineage: result.lineage } : {}),
    };
  });
}
