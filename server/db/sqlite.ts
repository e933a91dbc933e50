// The SQLite connection (better-sqlite3) as Kysely gets it: WAL, pragmas, a
// prepared-statement cache, and WAL checkpoints moved off the event loop.
// better-sqlite3 is synchronous, so whatever SQLite waits for, every request
// waits for too.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept per SQL text; the hot ones (auth, ingest) are a handful. */
const STATEMENT_CACHE = 200;

/**
 * How often the checkpointer thread copies the WAL into the database file:
 * often while writes come in (many small checkpoints left the writer's own
 * commits far steadier than few big ones: ingest p99 35 ms at 20 ms, 65 ms
 * at 250 ms, 110 ms at 1 s, on the bench machine), seldom while idle.
 */
const CHECKPOINT_BUSY_MS = 20;
const CHECKPOINT_IDLE_MS = 500;
/**
 * WAL pages past which the main connection checkpoints by itself (SQLite's
 * default is 1000): only when the checkpointer thread has fallen far behind or is gone.
 */
const FALLBACK_AUTOCHECKPOINT = 20_000;

// A checkpoint copies the WAL into the database file and fsyncs both. Done by
// the committing connection (SQLite's default) it stopped the event loop for
// the whole fsync: on a busy disk, 5 ms typically, 120 ms at worst, about a
// sixth of the time under ingest load. This thread does it on its own
// connection instead. PASSIVE never waits for, nor blocks, the writer.
// Commits stay exactly as durable: the writer fsyncs the WAL at every commit
// (synchronous = FULL, below), whoever checkpoints.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
let lastLog = -1;
let timer;
const tick = () => {
  let busy = false;
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    busy = r.log !== lastLog;
    lastLog = r.log;
  } catch { /* next tick, or the fallback */ }
  timer = setTimeout(tick, busy ? workerData.busyMs : workerData.idleMs);
};
tick();
parentPort.once('message', () => { clearTimeout(timer); db.close(); parentPort.close(); });
`;

/** Starts the checkpointer thread; `onGone` runs if it fails or ends before being stopped. */
function startCheckpointer(path: string, onGone: () => void): { stop(): void; exited: Promise<void> } | null {
  let stopping = false;
  let exited!: () => void;
  const done = new Promise<void>((resolve) => (exited = resolve));
  try {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { module, path, busyMs: CHECKPOINT_BUSY_MS, idleMs: CHECKPOINT_IDLE_MS } });
    worker.on('error', () => undefined); // 'exit' follows
    worker.on('exit', () => {
      exited();
      if (!stopping) onGone();
    });
    worker.unref();
    return {
      stop() {
        stopping = true;
        // Unref'd so an idle thread never keeps the process up; once asked to stop
        // it must: a caller awaiting `exited` with nothing else pending would
        // otherwise see the process end first (Node's unsettled top-level await).
        worker.ref();
        worker.postMessage('stop');
      },
      exited: done,
    };
  } catch {
    return null;
  }
}

/**
 * Kysely's SQLite driver prepares every query afresh: compiling the SQL was
 * about a tenth of an upload's time. The same SQL text gets the same
 * statement back (least recently used dropped past STATEMENT_CACHE). A
 * statement is busy while iterated, so streamed queries get their own.
 */
function cachingStatements(sqlite: BetterSqlite3.Database, onClose: () => void): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close() {
      onClose();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        const prepared = sqlite.prepare(sql);
        stmt = {
          reader: prepared.reader,
          all: (params) => prepared.all(params),
          run: (params) => prepared.run(params),
          iterate: (params) => sqlite.prepare(sql).iterate(params),
        };
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/**
 * Opens a SQLite file (parent folders are created) or `:memory:` for Kysely's
 * SqliteDialect. `closed` settles once the checkpointer thread has closed its
 * own connection too (Kysely's close() cannot wait for it): until then that
 * connection may still write or remove the -wal and -shm files.
 */
export function openSqliteDatabase(path: string): SqliteDatabase & { closed(): Promise<void> } {
  const file = path !== ':memory:';
  if (file) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: every commit is on disk before the upload hears 200. With NORMAL, WAL
  // commits since the last checkpoint can vanish in a power cut, after the kiosk
  // took them as stored (it never resends them), and the sequence would hand
  // their numbers out again past kiosks' cursors. Group commit (repo/ingest)
  // pays one fsync for every upload waiting.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // Without the thread, the main connection checkpoints as SQLite does by default.
  const checkpointer = file ? startCheckpointer(path, () => sqlite.open && sqlite.pragma('wal_autocheckpoint = 1000')) : null;
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT}`);
  return { ...cachingStatements(sqlite, () => checkpointer?.stop()), closed: () => checkpointer?.exited ?? Promise.resolve() };
}
