// The organiser console's own API (`/admin/api/*`): logging in with a token
// at the form, the session the page holds, logging out. The admin data itself
// goes through the v1 admin routes (core/protocol.ts). Pure: zod only.

import { z } from 'zod';

export const ConsoleRole = z.enum(['admin', 'viewer']);
export type ConsoleRole = z.infer<typeof ConsoleRole>;

/** `POST /admin/api/login` (JSON): the admin or viewer token, typed at the form. */
export const LoginRequest = z.strictObject({ token: z.string().trim().min(1).max(500) });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** `GET /admin/api/session` and the login's answer. `csrf` goes in `x-csrf-token` on every write. */
export const SessionInfo = z.object({
  role: ConsoleRole,
  csrf: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
