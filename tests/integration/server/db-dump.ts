// Everything a test server's database holds, as bytes, for tests that prove a
// secret is nowhere in it (the second factors of issue 12): the SQLite file and
// its WAL after a checkpoint, or every PostgreSQL table's rows as text.
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Backend, TestServer } from './harness';

export async function dumpDatabase(s: TestServer, kind: Backend['kind']): Promise<Buffer> {
  if (kind === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(FULL)`.execute(s.db.db);
    const { rows } = await sql<{ file: string }>`PRAGMA database_list`.execute(s.db.db);
    const file = rows.find((r) => r.file)!.file;
    return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
  }
  const { rows } = await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'`.execute(s.db.db);
  const out: string[] = [];
  for (const { t } of rows) {
    const dump = await sql<{ r: string }>`SELECT x::text AS r FROM ${sql.table(t)} x`.execute(s.db.db);
    out.push(...dump.rows.map((r) => r.r));
  }
  return Buffer.from(out.join('\n'));
}

/** Whether the bytes hold `text` (UTF-8), without printing a database on failure. */
export const holds = (bytes: Buffer | string, text: string): boolean => Buffer.from(bytes).includes(Buffer.from(text));
