// better-sqlite3 must outlive its threads on the Node it runs on. Node 24.19+'s
// headers register an environment cleanup hook per object wrap; better-sqlite3 12
// built against them aborts the whole process (SIGABRT, "Assertion failed: (env)
// != nullptr" in RemoveEnvironmentCleanupHook from Statement::~Statement) when a
// statement is collected after its thread's environment is gone — a vitest worker
// or the server's checkpointer thread ending. The abort strikes some processes
// and not others, so the churn runs in several fresh processes. README
// "Supported platforms" says how CI builds the addon so this passes.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs');
const fixture = join(here, 'fixtures', 'sqlite-churn.ts');
const PROCESSES = 5;

describe(`better-sqlite3 on Node ${process.versions.node}`, () => {
  it('survives statements collected after their threads end, in every process', () => {
    for (let run = 1; run <= PROCESSES; run++) {
      const child = spawnSync(process.execPath, ['--expose-gc', tsx, fixture], { encoding: 'utf8', timeout: 90_000 });
      const died = child.signal ?? (child.status !== 0 ? `exit ${child.status}` : null);
      const abort = /Assertion failed[^\n]*/.exec(child.stderr)?.[0];
      expect(
        died,
        `process ${run} of ${PROCESSES} died (${died}): ${abort ?? child.stderr.slice(-400)}\n` +
          'better-sqlite3 was built against headers whose cleanup-hook ABI this Node does not share; see README "Supported platforms".',
      ).toBeNull();
      expect(child.stdout).toContain('churn ok');
    }
  }, 240_000);
});
