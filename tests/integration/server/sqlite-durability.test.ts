// The SQLite upstream's commits survive a power cut: WAL with synchronous=FULL,
// so the WAL is fsynced at every commit before an upload hears 200. With NORMAL
// (SQLite's usual WAL pairing) the last commits can roll back on power loss: a
// kiosk that took its check-ins as stored would never resend them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/connect';

let db: Db | undefined;
let dir: string | undefined;

afterEach(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = undefined;
  dir = undefined;
});

describe('SQLite upstream durability', () => {
  it('a file database commits in WAL mode with synchronous=FULL', async () => {
    dir = mkdtempSync(join(tmpdir(), 'turnout-sqlite-'));
    db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db.db);
    const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(sync.rows[0]?.synchronous).toBe(2); // 2 = FULL; NORMAL would be 1
  });
});
