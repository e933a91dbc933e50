// The soak's checks about the day itself, beside verify.ts's closing count:
// the faults it meant to inject were injected, the server really died, the
// desk a day ahead kept its own day, unreadable scans stored nothing, and each
// desk's memory stayed flat through an evening of faults with no new data.

import type { ServerRow } from './backends';
import type { KioskReport } from './farm';
import { SKEW_MS, type DayPlan } from './plan';
import type { Check } from './verify';

export const FAULT_KINDS = ['refuse', 'delay', 'cut', 'reset', 'status', 'stall'];

export interface MemorySample {
  at: string;
  /** GC'd heap of the Node desks' process, per desk. */
  nodeHeap: number;
  /** GC'd JS heap of the biggest page. */
  pageHeap: number;
}

export const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** A Node desk's heap may grow this much through the evening (same data), a page's this much. */
const NODE_SLACK = 128 * 1024;
const PAGE_SLACK = 2 * 1024 * 1024;

export function dayChecks(d: {
  plan: DayPlan;
  rows: ServerRow[];
  reports: KioskReport[];
  counts: Record<string, number>;
  killed: number | string | undefined;
  devices: { id: string; clock_offset_ms: number | null }[];
  memory: MemorySample[];
  pages: number;
}): Check[] {
  const out: Check[] = [];
  out.push({ name: 'every kind of fault was injected', ok: FAULT_KINDS.every((k) => (d.counts[k] ?? 0) > 0), detail: FAULT_KINDS.map((k) => `${k} ${d.counts[k] ?? 0}`).join(', ') });
  out.push({ name: 'a server was killed with SIGKILL mid-day and came back', ok: String(d.killed ?? '').includes('SIGKILL'), detail: String(d.killed ?? 'no kill') });

  // The skewed desk's rows carry its own (next) day; its heartbeat offset is a day from the others'.
  const skewed = d.plan.kiosks.find((k) => k.skewMs !== 0);
  const report = d.reports.find((r) => r.index === skewed?.index);
  const nextDay = new Date(Date.parse('2025-09-10T12:00:00Z') + SKEW_MS).toISOString().slice(0, 10);
  const rows = d.rows.filter((r) => r.device_id === report?.deviceId);
  const offsets = new Map(d.devices.map((x) => [x.id, x.clock_offset_ms]));
  const others = d.reports
    .filter((r) => r !== report && d.plan.kiosks[r.index]!.kind === 'node')
    .map((r) => offsets.get(r.deviceId))
    .filter((x): x is number => typeof x === 'number')
    .sort((a, b) => a - b);
  // Offsets drift by the clock's acceleration between heartbeats (720× in the
  // short form: 10 s apart is two hours): a day apart, within a quarter of one.
  const gap = (offsets.get(report?.deviceId ?? '') ?? 0) - (others[others.length >> 1] ?? 0);
  out.push({
    name: 'the desk a day ahead: its check-ins kept on its own day, its clock offset a day apart',
    ok: rows.length > 0 && rows.every((r) => r.day === nextDay) && Math.abs(gap + SKEW_MS) < 6 * 3600_000,
    detail: `${rows.length} rows on ${[...new Set(rows.map((r) => r.day))].join(', ')}; offset ${Math.round(gap / 60_000)} min from the median desk`,
  });

  // While a desk was cut off, it and another desk of its door both admitted the same people.
  const twins = d.plan.partitions.flatMap((p) => p.twins.map((code) => ({ code, checkpointId: d.plan.kiosks[p.index]!.checkpointId })));
  const wrong = twins.filter(({ code, checkpointId }) => {
    const entries = d.rows.filter((r) => r.code === code && r.checkpoint_id === checkpointId && r.verdict === 'accepted' && r.direction === 'entry');
    return entries.length !== 2 || entries.filter((r) => r.status === 'conflict').length !== 1;
  });
  out.push({
    name: 'every person admitted at two desks while one was cut off: both kept, exactly one conflict',
    ok: twins.length > 0 && wrong.length === 0,
    detail: `${twins.length} planned, ${wrong.length} otherwise${wrong.length ? ` (${wrong.map((w) => w.code).join(', ')})` : ''}`,
  });

  const garbage = d.plan.kiosks.flatMap((k) => k.scans).filter((s) => s.kind === 'garbage').length;
  const malformed = d.reports.reduce((n, r) => n + (r.outcomes.malformed ?? 0), 0);
  out.push({ name: 'unreadable scans stored nothing', ok: malformed === garbage, detail: `${garbage} planned, ${malformed} refused as malformed` });

  const drained = d.memory.find((m) => m.at === 'drained')!;
  const evening = d.memory.at(-1)!;
  out.push({
    name: 'per-desk memory flat through the evening (same data, faults on)',
    ok: evening.nodeHeap - drained.nodeHeap < NODE_SLACK && evening.pageHeap - drained.pageHeap < PAGE_SLACK,
    detail:
      `Node desk heap ${kb(drained.nodeHeap)} → ${kb(evening.nodeHeap)} (slack ${kb(NODE_SLACK)})` +
      (d.pages ? `; page heap ${kb(drained.pageHeap)} → ${kb(evening.pageHeap)} (slack ${kb(PAGE_SLACK)})` : ''),
  });
  return out;
}
