// What the HTTP layer needs from outside: the database, the settings and a
// clock (tests pin it). Built by the CLI or by tests, handed to buildApp.

import type { Kysely } from 'kysely';
import type { ServerConfig } from './config';
import type { Database } from './db/schema-types';

/** What routes know about the server's TLS (server/tls/serve.ts); absent on plain HTTP. */
export interface TlsInfo {
  /** The pin of the key the server presents (pairing links' `fp`); undefined with an operator's certificate. */
  pin(): string | undefined;
  /** https base URLs kiosks may reach this server at, preferred first (pairing links' `server=`). */
  servers(): string[];
  /** The venue CA certificate (PEM), served at /ca.crt; undefined with an operator's certificate. */
  caPem(): string | undefined;
}

export interface AppDeps {
  db: Kysely<Database>;
  config: ServerConfig;
  /** Epoch milliseconds; Date.now unless a test pins it. */
  now?: () => number;
  /** Serve HTTPS (HTTP/2 with HTTP/1.1 allowed) with this key and certificate chain (PEM). */
  https?: { key: string; cert: string };
  tls?: TlsInfo;
}

export interface RouteDeps {
  db: Kysely<Database>;
  config: ServerConfig;
  now: () => number;
  tls?: TlsInfo;
}
