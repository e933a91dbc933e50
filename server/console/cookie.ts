// The console's session cookie: HttpOnly (no script reads it), SameSite=Strict
// (no other site's page sends it), Path=/ (the admin API is under /v1/admin),
// and Secure when the request came over HTTPS — but not on loopback HTTP, where
// `npm start` runs and a Secure cookie would never come back.

import fastifyCookie from '@fastify/cookie';
import { SESSION_COOKIE } from '../admin-auth';

export function sessionCookie(value: string, { maxAgeS, secure }: { maxAgeS: number; secure: boolean }): string {
  return fastifyCookie.serialize(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: maxAgeS, secure });
}
