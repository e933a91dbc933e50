// Vitest global setup of the integration project: makes a PostgreSQL URL
// available to the server tests, which then run on SQLite and on PostgreSQL.
// TURNOUT_TEST_PG_URL set → used as is; TURNOUT_TEST_PG=0 → PostgreSQL
// skipped; otherwise a throwaway cluster is started when PostgreSQL 15 is
// installed (tests/integration/pg.ts) and skipped with a notice when not.

import type { TestProject } from 'vitest/node';
import { pgAvailable, PG_BIN, startPgCluster, type PgCluster } from './pg';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  let cluster: PgCluster | null = null;
  let url = process.env.TURNOUT_TEST_PG_URL || null;
  if (!url && process.env.TURNOUT_TEST_PG !== '0') {
    if (pgAvailable()) {
      cluster = await startPgCluster();
      url = cluster.url;
    } else if (process.env.CI) {
      // CI installs PostgreSQL 15 (.ci/run): a run without it would prove nothing about it.
      throw new Error(`PostgreSQL 15 not found in ${PG_BIN}; CI must run the server tests on it`);
    } else {
      console.warn(`[integration] PostgreSQL not found in ${PG_BIN}: server tests run on SQLite only`);
    }
  }
  project.provide('pgUrl', url);
  return () => cluster?.stop();
}
