// Opens the server database: PostgreSQL (via `pg`) when a URL is given,
// otherwise SQLite (better-sqlite3) in a file or `:memory:`. Migrates to the
// latest schema before returning. The rest of the server sees only Kysely.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema-types';
import { migrateToLatest } from './migrations';

export type DbKind = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  kind: DbKind;
  close(): Promise<void>;
}

export interface DbOptions {
  /** `postgres://…`: use PostgreSQL. */
  databaseUrl?: string;
  /** SQLite file path (parent folders are created) or `:memory:`. Ignored with databaseUrl. */
  sqlitePath?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

// int8 (counts, bigint columns) and numeric (sums) arrive as strings from pg;
// every such value of ours fits a double exactly (epoch ms, sequences, counts).
const INT8 = 20;
const NUMERIC = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

function openPostgres(url: string, poolSize: number): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function openSqlite(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Kysely's SQLite driver runs one connection behind a mutex: every
  // transaction is serialized, which is what the sequence counter relies on.
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Opens and migrates the database. */
export async function openDatabase(opts: DbOptions): Promise<Db> {
  const kind: DbKind = opts.databaseUrl ? 'postgres' : 'sqlite';
  const db = opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10)
    : openSqlite(opts.sqlitePath ?? ':memory:');
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, kind, close: () => db.destroy() };
}
