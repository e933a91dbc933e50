// Opens the server database: PostgreSQL (via `pg`) when a URL is given,
// otherwise SQLite (better-sqlite3) in a file or `:memory:`. Migrates to the
// latest schema before returning. The rest of the server sees only Kysely
// (and, for the few statements written per dialect, dialectOf).

import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema-types';
import { migrateToLatest } from './migrations';
import { openSqliteDatabase } from './sqlite';

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

function openSqlite(path: string): { db: Kysely<Database>; closed: () => Promise<void> } {
  // Kysely's SQLite driver runs one connection behind a mutex: every
  // transaction is serialized, which is what the sequence counter relies on.
  const database = openSqliteDatabase(path);
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), closed: database.closed };
}

const kinds = new WeakMap<Kysely<Database>, DbKind>();

/**
 * The dialect of a database opened here, for the few statements written per
 * dialect (repo/checkins-sql.ts); undefined for any other Kysely instance.
 */
export function dialectOf(db: Kysely<Database>): DbKind | undefined {
  return kinds.get(db);
}

/** Opens and migrates the database. */
export async function openDatabase(opts: DbOptions): Promise<Db> {
  const kind: DbKind = opts.databaseUrl ? 'postgres' : 'sqlite';
  const { db, closed } = opts.databaseUrl
    ? { db: openPostgres(opts.databaseUrl, opts.poolSize ?? 10), closed: () => Promise.resolve() }
    : openSqlite(opts.sqlitePath ?? ':memory:');
  // Closed means every connection is: SQLite's checkpointer thread included.
  const close = async () => {
    await db.destroy();
    await closed();
  };
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (err) {
    await close();
    throw err;
  }
  kinds.set(db, kind);
  return { db, kind, close };
}
