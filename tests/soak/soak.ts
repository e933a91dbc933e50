// The soak: an accelerated event day against the real upstream (server
// processes on SQLite, PostgreSQL, or two replicas on PostgreSQL). Desks are
// Node kiosks (tests/soak/farm.ts) and a few real Chromium pages, each behind
// its own fault-proxy lane (drops, delays, cuts, TCP resets, 500/429, replies
// lost after the server stored the upload), some partitioned for an hour or
// more of the day; the organiser adds walk-ins and revokes tickets mid-day; a
// server is killed with SIGKILL and restarted; one desk's clock is a day ahead.
// Then the network heals, every desk drains, an "evening" of faults with no new
// scans shows whether memory stays flat, and verify.ts makes the closing count.
// Time only bounds the phases; every check is an exact count or invariant.

import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { demoEvent } from '../../core/demo/event';
import { demoTicket } from '../../core/demo/roster';
import { rosterToCsv } from '../../core/demo/roster-csv';
import type { TalliesResponse } from '../../core/protocol';
import { startProxy, type Proxy } from '../support/fault-proxy';
import { REPO_ROOT } from '../support/server-process';
import { startBackend, type Backend, type BackendKind } from './backends';
import { startFarm } from './farm-client';
import type { KioskStatus } from './farm';
import { kickPage, launchBrowser, openPage, pageCheck, pageHeap, pageReport, pageStatus, runPage, type SoakPage } from './pages';
import { planDay, planMix, REVOKE_AT, VIRTUAL_END, VIRTUAL_START, WALKIN_AT, type SoakScale } from './plan';
import { chaosRules, oneOfEach, seeded } from './chaos';
import { dayChecks, FAULT_KINDS } from './day-checks';
import { eveningTrend, kb, type MemorySample } from './memory';
import { verify, type Check } from './verify';

export interface SoakOptions {
  backend: BackendKind;
  scale: SoakScale;
  /** Real ms the event day lasts. */
  dayMs: number;
  /** Real ms of the evening (faults, no scans) through which memory is sampled. */
  eveningMs: number;
  /** Memory samples taken through the evening (after 'drained', before its drain). */
  eveningSamples: number;
  /** Bound on each drain (all outboxes empty, every desk caught up). */
  drainTimeoutMs: number;
  pgUrl?: string;
  log?: (line: string) => void;
}

export interface SoakResult {
  backend: BackendKind;
  scale: SoakScale;
  checks: Check[];
  numbers: Record<string, number | string>;
}

/** The kill -9 lands here in the day. */
const KILL_AT = 0.55;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A private copy of the built kiosk (a rebuild meanwhile cannot pull it away); undefined when not built. */
function kioskSnapshot(): string | undefined {
  const built = join(REPO_ROOT, 'dist-renderer');
  if (!existsSync(join(built, 'index.html'))) return undefined;
  const copy = mkdtempSync(join(tmpdir(), 'turnout-soak-kiosk-'));
  cpSync(built, copy, { recursive: true });
  return copy;
}

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const log = opts.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const started = performance.now();
  const numbers: Record<string, number | string> = {};
  const kioskDir = opts.scale.chromium > 0 ? kioskSnapshot() : undefined;
  const scale = { ...opts.scale, chromium: kioskDir ? opts.scale.chromium : 0 };
  if (opts.scale.chromium > 0 && !kioskDir) log('[soak] no built kiosk in dist-renderer (npm run build): Chromium desks left out');
  const plan = planDay(scale);
  const accel = (VIRTUAL_END - VIRTUAL_START) / opts.dayMs;

  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const backend: Backend = await startBackend(opts.backend, { pgUrl: opts.pgUrl, roster: scale.roster, kioskDir: kioskDir ?? join(tmpdir(), 'turnout-no-kiosk') });
    cleanups.push(() => backend.close());
    log(`[soak ${opts.backend}] ${backend.servers.map((s) => `${s.name} ${s.url}`).join(', ')}; ${plan.kiosks.length} desks (${scale.chromium} Chromium)`);

    // One proxy lane per desk: its own faults, its own partition, its own client address.
    const uploaded = { items: 0, ids: new Set<string>() };
    const lanes: Proxy[] = await Promise.all(
      plan.kiosks.map((k) =>
        startProxy(backend.servers.map((s) => s.url), {
          random: seeded(scale.seed * 1000 + k.index),
          forwardedFor: `10.77.${k.index >> 8}.${k.index & 255}`,
          maxLog: 50,
          onRequest(line, body) {
            if (!line.startsWith('POST /v1/sync/checkins')) return;
            const items = (JSON.parse(body.toString('utf8')) as { items: { id: string }[] }).items;
            uploaded.items += items.length;
            for (const i of items) uploaded.ids.add(i.id);
          },
        }),
      ),
    );
    cleanups.push(() => Promise.all(lanes.map((l) => l.close())));

    const links = await Promise.all(
      plan.kiosks.map(async (k) => {
        const res = await backend.admin(`/v1/admin/events/${demoEvent.event.id}/pairing-codes`, { json: { checkpointId: k.checkpointId } });
        if (res.status !== 200) throw new Error(`pairing code: HTTP ${res.status} ${await res.text()}`);
        const { link } = (await res.json()) as { link: string };
        return link.replace(/server=[^&]+/, `server=${encodeURIComponent(lanes[k.index]!.url)}`);
      }),
    );

    // Pairing (with its first sync) goes through the lanes, faults off.
    const t0 = performance.now();
    const farm = await startFarm();
    cleanups.push(() => farm.stop());
    const nodes = plan.kiosks.filter((k) => k.kind === 'node');
    const provisional = { dayStartReal: Date.now() + 60_000, virtualStart: VIRTUAL_START, accel, dayMs: opts.dayMs };
    await farm.request({
      type: 'pair',
      clock: provisional,
      concurrency: 8,
      kiosks: nodes.map((k) => ({ index: k.index, name: k.name, link: links[k.index]!, checkpointId: k.checkpointId, skewMs: k.skewMs, scans: k.scans })),
    });
    let browser: Browser | undefined;
    const pages: SoakPage[] = [];
    if (scale.chromium > 0) {
      browser = await launchBrowser();
      cleanups.push(() => browser!.close());
      for (const k of plan.kiosks.filter((x) => x.kind === 'chromium')) {
        pages.push(await openPage(browser, k, backend.servers[0]!.url, links[k.index]!, '2025-09-10T10:15:00+09:00'));
      }
    }
    numbers.pairingMs = Math.round(performance.now() - t0);
    log(`[soak ${opts.backend}] ${plan.kiosks.length} desks paired and synced in ${numbers.pairingMs} ms`);

    // ── the day ──────────────────────────────────────────────────────────────
    const dayStartReal = Date.now() + 500;
    await farm.request({ type: 'go', clock: { ...provisional, dayStartReal } });
    const at = (fraction: number) => sleep(dayStartReal + fraction * opts.dayMs - Date.now());
    // One steady Node desk meets every kind of fault for certain; chance does the rest.
    const steady = plan.kiosks.find((k) => k.kind === 'node' && k.skewMs === 0 && !plan.partitions.some((p) => p.index === k.index))!;
    plan.kiosks.forEach((k, i) => (lanes[i]!.rules = [...(k === steady ? oneOfEach() : []), ...chaosRules()]));
    const pageRuns = pages.map((p) => runPage(p, dayStartReal, opts.dayMs));
    const memory: MemorySample[] = [];
    const sampleMemory = async (label: string) => {
      const m = (await farm.request({ type: 'memory' })) as { heapUsed: number; kiosks: number; resources: string };
      const heaps = await Promise.all(pages.map(pageHeap));
      const sample: MemorySample = { at: label, t: performance.now(), nodeHeap: m.heapUsed / Math.max(1, m.kiosks), pageHeap: heaps.length ? Math.max(...heaps) : 0 };
      memory.push(sample);
      if (process.env.TURNOUT_SOAK_MEMORY_LOG) log(`[soak ${opts.backend}] memory ${label}: desk ${kb(sample.nodeHeap)}, page ${kb(sample.pageHeap)}; farm ${m.resources}`);
    };

    const events: Promise<void>[] = [];
    const partitioned = plan.partitions;
    for (const p of partitioned) {
      events.push(
        at(p.from).then(async () => {
          lanes[p.index]!.setDown(true);
          // The twins are scanned while the desk is cut off: its partition lasts until they are, however late the farm runs.
          const twins = p.mate !== undefined && p.twins.length ? farm.request({ type: 'twins', desk: p.index, mate: p.mate, twins: p.twins }) : undefined;
          if (p.to >= 1) return void (await twins);
          await Promise.all([at(p.to), twins]);
          lanes[p.index]!.setDown(false);
        }),
      );
    }
    events.push(
      at(WALKIN_AT).then(async () => {
        const csv = rosterToCsv(plan.walkinIndices.map((i) => demoTicket(i)));
        const res = await backend.admin(`/v1/admin/events/${demoEvent.event.id}/tickets/import`, { csv }, backend.servers.at(-1));
        if (res.status !== 200) throw new Error(`walk-in import: HTTP ${res.status}`);
      }),
      at(REVOKE_AT).then(async () => {
        for (const code of plan.revoked) {
          const res = await backend.admin(`/v1/admin/events/${demoEvent.event.id}/tickets/${encodeURIComponent(code)}`, { method: 'PATCH', json: { status: 'revoked' } });
          if (res.status !== 200) throw new Error(`revoke ${code}: HTTP ${res.status}`);
        }
      }),
      at(KILL_AT).then(async () => {
        const victim = backend.servers.at(-1)!;
        const pid = victim.pid;
        const { signal } = await victim.kill('SIGKILL');
        const t = performance.now();
        await victim.start();
        numbers.killed = `${victim.name} pid ${pid} (${signal})`;
        numbers.restartMs = Math.round(performance.now() - t);
        log(`[soak ${opts.backend}] kill -9 ${victim.name} (pid ${pid}, ${signal}); back after ${numbers.restartMs} ms`);
      }),
      at(0.1).then(() => sampleMemory('10% of the day')),
    );
    await at(1);
    await Promise.all([...events, ...pageRuns]);
    // The last scans may still be queued behind a slow store: wait for every desk to have scanned all.
    for (;;) {
      const st = (await farm.request({ type: 'status' })) as KioskStatus[];
      if (st.every((s) => s.scansDone === s.scansPlanned)) break;
      await sleep(250);
    }
    await sampleMemory('end of the day');
    numbers.dayMs = Math.round(performance.now() - t0 - (numbers.pairingMs as number));

    // ── drain, evening, drain ────────────────────────────────────────────────
    const drain = async (label: string): Promise<number> => {
      // The network recovers: no more faults, and connections it was holding
      // (stalled answers) drop, as they would when a switch comes back.
      for (const lane of lanes) {
        lane.rules = [];
        lane.setDown(true);
        lane.setDown(false);
      }
      const t = performance.now();
      let kicked = 0;
      let told = performance.now();
      for (;;) {
        if (performance.now() - kicked > 5000) {
          await farm.request({ type: 'kick' });
          await Promise.all(pages.map(kickPage));
          kicked = performance.now();
        }
        const maxSeq = await backend.maxSeq();
        const st = [...((await farm.request({ type: 'status' })) as KioskStatus[]), ...(await Promise.all(pages.map(pageStatus)))];
        if (st.every((s) => s.outbox === 0 && s.cursor >= maxSeq && !s.stopped)) return Math.round(performance.now() - t);
        if (performance.now() - told > 15_000) {
          told = performance.now();
          const lagging = st.filter((x) => x.outbox || x.cursor < maxSeq);
          log(`[soak ${opts.backend}] ${label}: ${lagging.length} desks still draining (${lagging.slice(0, 4).map((x) => `#${x.index} outbox ${x.outbox} cursor ${x.cursor}/${maxSeq} ${x.state}`).join(', ')})`);
        }
        if (performance.now() - t > opts.drainTimeoutMs) {
          const lagging = st.filter((s) => s.outbox || s.cursor < maxSeq || s.stopped);
          throw new Error(`${label}: not drained after ${opts.drainTimeoutMs} ms: ${lagging.map((s) => `#${s.index} outbox ${s.outbox} cursor ${s.cursor}/${maxSeq} ${s.state}`).join(', ')}`);
        }
        await sleep(1000);
      }
    };
    numbers.drainMs = await drain('end of day');
    log(`[soak ${opts.backend}] drained in ${numbers.drainMs} ms`);
    await sampleMemory('drained');
    for (const lane of lanes) lane.rules = chaosRules();
    const eveningFrom = performance.now();
    for (let i = 1; i <= opts.eveningSamples; i++) {
      await sleep(eveningFrom + (i * opts.eveningMs) / opts.eveningSamples - performance.now());
      await sampleMemory(`evening ${i}`);
    }
    numbers.eveningDrainMs = await drain('evening');
    await sampleMemory('after the evening');

    // ── the closing count ────────────────────────────────────────────────────
    const rows = await backend.rows();
    const voids = await backend.voids();
    const serverStatus: [string, string][] = rows.map((r) => [r.id, r.status]);
    const statusMap = new Map(serverStatus);
    const reports = [...((await farm.request({ type: 'report' })) as Awaited<ReturnType<typeof pageReport>>[]), ...(await Promise.all(pages.map(pageReport)))];
    const checksK = [...((await farm.request({ type: 'verify', rows: serverStatus })) as Awaited<ReturnType<typeof pageCheck>>[]), ...(await Promise.all(pages.map((p) => pageCheck(p, statusMap))))];
    const statuses = [...((await farm.request({ type: 'status' })) as KioskStatus[]), ...(await Promise.all(pages.map(pageStatus)))];
    const days = [...new Set(rows.map((r) => r.day))];
    const tallies = await Promise.all(
      backend.servers.map(async (s) => {
        const perDay = new Map<string, TalliesResponse>();
        for (const day of days) perDay.set(day, (await (await backend.admin(`/v1/admin/events/${demoEvent.event.id}/tallies?day=${day}`, {}, s)).json()) as TalliesResponse);
        return perDay;
      }),
    );
    const exportCsv = await (await backend.admin(`/v1/admin/events/${demoEvent.event.id}/export.csv`)).text();
    const checks = verify({ rows, voids, reports, checks: checksK, statuses, tallies, exportCsv });

    // Faults really happened, the server really died, the skewed desk really was a day off, memory stayed flat.
    const counts: Record<string, number> = {};
    for (const lane of lanes) for (const [k, n] of Object.entries(lane.counts)) counts[k] = (counts[k] ?? 0) + n;
    checks.push(...dayChecks({ plan, rows, reports, counts, killed: numbers.killed, devices: await backend.devices(), clock: { dayStartReal, virtualStart: VIRTUAL_START, accel }, memory, pages: pages.length }));
    const [first, drained, evening] = [memory[0]!, memory.find((m) => m.at === 'drained')!, memory.at(-1)!];

    const { undo, ...mix } = planMix(plan);
    Object.assign(numbers, {
      desks: plan.kiosks.length,
      pages: pages.length,
      scans: Object.values(mix).reduce((a, b) => a + b, 0),
      mix: Object.entries(mix).map(([k, n]) => `${k} ${n}`).join(', '),
      undo,
      voids: voids.length,
      rows: rows.length,
      accepted: rows.filter((r) => r.verdict === 'accepted' && r.direction === 'entry').length,
      exits: rows.filter((r) => r.direction === 'exit').length,
      rejected: rows.filter((r) => r.verdict === 'rejected').length,
      conflicts: rows.filter((r) => r.status === 'conflict').length,
      uploadedItems: uploaded.items,
      resent: uploaded.items - uploaded.ids.size,
      requests: lanes.reduce((n, l) => n + l.requests, 0),
      faults: FAULT_KINDS.map((k) => `${k} ${counts[k] ?? 0}`).join(', '),
      partitions: partitioned.length,
      nodeHeapStart: kb(first.nodeHeap),
      nodeHeapDrained: kb(drained.nodeHeap),
      nodeHeapEnd: kb(evening.nodeHeap),
      pageHeapStart: kb(first.pageHeap),
      pageHeapDrained: kb(drained.pageHeap),
      pageHeapEnd: kb(evening.pageHeap),
      nodeTrend: `${kb(eveningTrend(memory).nodePerMin)}/min`,
      pageTrend: `${kb(eveningTrend(memory).pagePerMin)}/min`,
      wallMs: Math.round(performance.now() - started),
    });
    return { backend: opts.backend, scale, checks, numbers };
  } finally {
    for (const c of cleanups.reverse()) await c().catch((err: unknown) => log(`[soak] cleanup: ${String(err)}`));
    if (kioskDir) rmSync(kioskDir, { recursive: true, force: true });
  }
}
