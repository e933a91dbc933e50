// Field formats the protocol modules share (venue day, HH:MM, record id).
// Internal to core/protocol/: core/protocol.ts does not re-export them, so the
// protocol's public surface stays the named schemas.

import { z } from 'zod';

export const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:MM');
export const id = z.string().min(1).max(200);
