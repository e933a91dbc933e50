// What the HTTP layer needs from outside: the database, the settings and a
// clock (tests pin it). Built by the CLI or by tests, handed to buildApp.

import type { Kysely } from 'kysely';
import type { ServerConfig } from './config';
import type { Database } from './db/schema-types';

export interface AppDeps {
  db: Kysely<Database>;
  config: ServerConfig;
  /** Epoch milliseconds; Date.now unless a test pins it. */
  now?: () => number;
}

export interface RouteDeps {
  db: Kysely<Database>;
  config: ServerConfig;
  now: () => number;
}
