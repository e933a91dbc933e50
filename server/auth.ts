// Bearer-token auth of devices: the token's SHA-256 is looked up (tokens are
// never stored); a revoked device gets 401 `device_revoked`, which tells the
// kiosk to unpair. Admin and viewer access (tokens and console sessions) is in
// admin-auth.ts.

import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, DevicesTable } from './db/schema-types';
import { ApiError, unauthorized } from './errors';
import { findDeviceByToken, touchDevice } from './repo/devices';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireDevice. */
    device: DevicesTable | null;
  }
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** A preHandler that admits paired, unrevoked devices and sets `request.device`. */
export function requireDevice(db: Kysely<Database>) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request);
    if (!token) throw unauthorized('Device token required');
    const device = await findDeviceByToken(db, token);
    if (!device) throw unauthorized('Unknown device token');
    if (Number(device.revoked) === 1) throw new ApiError(401, 'device_revoked', 'This device was revoked; pair it again');
    request.device = device;
    await touchDevice(db, device);
  };
}

/** The authenticated device (routes behind requireDevice only). */
export function deviceOf(request: FastifyRequest): DevicesTable {
  if (!request.device) throw unauthorized();
  return request.device;
}
