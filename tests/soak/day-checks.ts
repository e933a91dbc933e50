// The soak's checks about the day itself, beside verify.ts's closing count:
// the faults it meant to inject were injected, the server really died, the
// desk a day ahead kept its own day, unreadable scans stored nothing, and each
// desk's memory stayed flat through an evening of faults with no new data.

import { demoEvent } from '../../core/demo/event';
import { dayKey } from '../../core/time';
import type { ServerRow } from './backends';
import type { KioskReport } from './farm';
import { SKEW_MS, type DayPlan } from './plan';
import { eveningTrend, kb, type MemorySample } from './memory';
import { historyOf, type Check } from './verify';

const TZ = demoEvent.event.timeZone;

export const FAULT_KINDS = ['refuse', 'delay', 'cut', 'reset', 'status', 'stall'];


/** A Node desk's heap may grow this much through the evening (same data, by the trend of its samples), a page's this much. */
const NODE_SLACK = 128 * 1024;
const PAGE_SLACK = 2 * 1024 * 1024;

export function dayChecks(d: {
  plan: DayPlan;
  rows: ServerRow[];
  reports: KioskReport[];
  counts: Record<string, number>;
  killed: number | string | undefined;
  devices: { id: string; clock_offset_ms: number | null; last_seen_at: number | null }[];
  /** The Node desks' clock: virtualStart at dayStartReal, running accel times faster. */
  clock: { dayStartReal: number; virtualStart: number; accel: number };
  memory: MemorySample[];
  pages: number;
}): Check[] {
  const out: Check[] = [];
  out.push({ name: 'every kind of fault was injected', ok: FAULT_KINDS.every((k) => (d.counts[k] ?? 0) > 0), detail: FAULT_KINDS.map((k) => `${k} ${d.counts[k] ?? 0}`).join(', ') });
  out.push({ name: 'a server was killed with SIGKILL mid-day and came back', ok: String(d.killed ?? '').includes('SIGKILL'), detail: String(d.killed ?? 'no kill') });

  // The skewed desk's rows carry its own day (the next, or later should a
  // loaded farm run its scans hours late on the accelerated clock), the day its
  // clock stamped: the venue day of scannedAt. The server's clock offset
  // from each Node desk's last heartbeat, against what that desk's accelerated
  // clock read then (by the heartbeat's arrival): the skewed desk's a day off,
  // every other desk's near 0. A heartbeat's time in flight shows up multiplied
  // by the acceleration (1 s is 12 min at 720x): the bound is a quarter day.
  const skewed = d.plan.kiosks.find((k) => k.skewMs !== 0);
  const report = d.reports.find((r) => r.index === skewed?.index);
  const nextDay = new Date(Date.parse('2025-09-10T12:00:00Z') + SKEW_MS).toISOString().slice(0, 10);
  const rows = d.rows.filter((r) => r.device_id === report?.deviceId);
  const devices = new Map(d.devices.map((x) => [x.id, x]));
  const residual = (deviceId: string): number | undefined => {
    const dev = devices.get(deviceId);
    if (!dev || dev.clock_offset_ms === null || dev.last_seen_at === null) return undefined;
    const clock = d.clock.virtualStart + (dev.last_seen_at - d.clock.dayStartReal) * d.clock.accel;
    return dev.clock_offset_ms - (dev.last_seen_at - clock);
  };
  const BOUND = 6 * 3600_000;
  const skewResidual = residual(report?.deviceId ?? '');
  const others = d.reports.filter((r) => r !== report && d.plan.kiosks[r.index]!.kind === 'node').map((r) => residual(r.deviceId));
  const othersOff = others.filter((x) => x === undefined || Math.abs(x) >= BOUND).length;
  const worst = Math.max(...others.map((x) => Math.abs(x ?? Infinity)));
  out.push({
    name: 'the desk a day ahead: its check-ins kept on its own day, its clock offset a day off (the others\' none)',
    ok: rows.length > 0 && rows.every((r) => r.day >= nextDay && r.day === dayKey(r.scanned_at_ms, TZ)) && skewResidual !== undefined && Math.abs(skewResidual + SKEW_MS) < BOUND && othersOff === 0,
    detail:
      `${rows.length} rows on ${[...new Set(rows.map((r) => r.day))].join(', ')}; offset ${skewResidual === undefined ? 'missing' : `${Math.round(-skewResidual / 60_000)} min ahead`}; ` +
      `other desks within ${Math.round(worst / 60_000)} min of none, ${othersOff} beyond ${BOUND / 3600_000} h`,
  });

  // While a desk was cut off, it and another desk of its door both admitted the same people.
  const deviceOf = new Map(d.reports.map((r) => [r.index, r.deviceId]));
  const twins = d.plan.partitions.flatMap((p) =>
    p.twins.map((t) => ({ code: t.code, checkpointId: d.plan.kiosks[p.index]!.checkpointId, devices: [deviceOf.get(p.index), deviceOf.get(p.mate!)].sort().join() })),
  );
  const wrong = twins.filter(({ code, checkpointId, devices: pair }) => {
    const entries = d.rows.filter((r) => r.code === code && r.checkpoint_id === checkpointId && r.verdict === 'accepted' && r.direction === 'entry');
    return entries.length !== 2 || entries.map((r) => r.device_id).sort().join() !== pair || entries.filter((r) => r.status === 'conflict').length !== 1;
  });
  out.push({
    name: 'every person admitted at two desks while one was cut off: both kept, exactly one conflict',
    ok: twins.length > 0 && wrong.length === 0,
    detail: `${twins.length} planned, ${wrong.length} otherwise${wrong.length ? ` (${wrong.map((w) => w.code).join(', ')}) — history of the first: ${historyOf(d.rows, wrong[0]!.code)}` : ''}`,
  });

  const garbage = d.plan.kiosks.flatMap((k) => k.scans).filter((s) => s.kind === 'garbage').length;
  const malformed = d.reports.reduce((n, r) => n + (r.outcomes.malformed ?? 0), 0);
  out.push({ name: 'unreadable scans stored nothing', ok: malformed === garbage, detail: `${garbage} planned, ${malformed} refused as malformed` });

  // Undo: every undo planned on a scan that admitted was stored by its desk (none refused).
  const undos = d.plan.kiosks.flatMap((k) => k.scans).filter((x) => x.undo).length;
  const outcome = (key: string) => d.reports.reduce((n, r) => n + (r.outcomes[key] ?? 0), 0);
  const refusedUndo = d.reports.flatMap((r) => Object.entries(r.outcomes).filter(([k]) => k.startsWith('void_')).map(([k, n]) => `${k.slice(5)} ${n}`));
  out.push({
    name: 'every undo staff made on an admission was stored as a void by its desk',
    ok: outcome('voided') > 0 && refusedUndo.length === 0,
    detail: `${undos} undos planned, ${outcome('voided')} voided (the rest were scans that did not admit); refused: ${refusedUndo.join(', ') || 'none'}`,
  });

  // Memory: the trend through every sample of the evening (forced GC before
  // each), as growth over the evening, against the same per-desk allowance the
  // two-point reading had: one late or early collection no longer decides it.
  const trend = eveningTrend(d.memory);
  const minutes = (trend.samples.at(-1)!.t - trend.samples[0]!.t) / 60_000;
  const nodeGrowth = trend.nodePerMin * minutes;
  const pageGrowth = trend.pagePerMin * minutes;
  out.push({
    name: 'per-desk memory flat through the evening (same data, faults on): the trend of every GC\'d sample',
    ok: trend.samples.length >= 4 && nodeGrowth < NODE_SLACK && (!d.pages || pageGrowth < PAGE_SLACK),
    detail:
      `${trend.samples.length} samples over ${minutes.toFixed(1)} min; Node desk heap ${kb(trend.samples[0]!.nodeHeap)} → ${kb(trend.samples.at(-1)!.nodeHeap)}, ` +
      `trend ${kb(trend.nodePerMin)}/min = ${kb(nodeGrowth)} over the evening (allowance ${kb(NODE_SLACK)})` +
      (d.pages ? `; page heap ${kb(trend.samples[0]!.pageHeap)} → ${kb(trend.samples.at(-1)!.pageHeap)}, trend ${kb(trend.pagePerMin)}/min = ${kb(pageGrowth)} (allowance ${kb(PAGE_SLACK)})` : ''),
  });
  return out;
}
