// The soak's summary: one column per upstream (SQLite, PostgreSQL, two
// replicas), printed as a table and written to its own section of
// bench/RESULTS.md (the benchmark table and other sections are kept).

import os from 'node:os';
import { writeSection } from '../../bench/results';
import type { SoakResult } from './soak';

const LABEL: Record<string, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL', replicas: '2 replicas, PostgreSQL' };

const n = (x: number | string | undefined) => (typeof x === 'number' ? x.toLocaleString('en') : (x ?? '—'));
const s = (ms: number | string | undefined) => (typeof ms === 'number' ? `${(ms / 1000).toFixed(1)} s` : '—');

export function summaryTable(results: SoakResult[]): string {
  const rows: [string, (r: SoakResult) => string][] = [
    ['desks (Chromium pages)', (r) => `${n(r.numbers.desks)} (${n(r.numbers.pages)})`],
    ['scans', (r) => n(r.numbers.scans)],
    ['scan mix', (r) => String(r.numbers.mix)],
    ['check-ins upstream = union of desks', (r) => `${n(r.numbers.rows)} ${pass(r, 'server holds exactly')}`],
    ['admitted / exits / refused', (r) => `${n(r.numbers.accepted)} / ${n(r.numbers.exits)} / ${n(r.numbers.rejected)}`],
    ['conflicts marked (all reported to their desks)', (r) => `${n(r.numbers.conflicts)} ${pass(r, 'every conflict the rules define')}`],
    ['undone at once by Node desks → voids upstream, each once', (r) => `${n(r.numbers.undo)} planned → ${n(r.numbers.voids)} ${pass(r, 'every void')}`],
    ['check-ins re-sent after a lost answer', (r) => n(r.numbers.resent)],
    ['requests through the fault proxy', (r) => n(r.numbers.requests)],
    ['faults injected', (r) => String(r.numbers.faults)],
    ['single desks partitioned (each 1.4–1.6 h of the day)', (r) => n(r.numbers.partitions)],
    ['kill -9 mid-day → serving again', (r) => `${r.numbers.killed ?? '—'} → ${s(r.numbers.restartMs)}`],
    ['pairing + first sync of every desk', (r) => s(r.numbers.pairingMs)],
    ['drain after the day (every outbox 0, every desk caught up)', (r) => s(r.numbers.drainMs)],
    ['Node desk heap (GC\'d): 10% of day → drained → after the evening', (r) => `${r.numbers.nodeHeapStart} → ${r.numbers.nodeHeapDrained} → ${r.numbers.nodeHeapEnd}`],
    ['page JS heap (GC\'d): 10% of day → drained → after the evening', (r) => (r.numbers.pages ? `${r.numbers.pageHeapStart} → ${r.numbers.pageHeapDrained} → ${r.numbers.pageHeapEnd}` : '—')],
    ['evening heap trend per desk (Theil–Sen over GC\'d samples): Node / page', (r) => `${r.numbers.nodeTrend} / ${r.numbers.pages ? r.numbers.pageTrend : '—'} ${pass(r, 'per-desk memory flat')}`],
    ['checks passed', (r) => `${r.checks.filter((c) => c.ok).length} / ${r.checks.length}`],
    ['wall time', (r) => s(r.numbers.wallMs)],
  ];
  const head = `| | ${results.map((r) => LABEL[r.backend]).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|`;
  return [head, ...rows.map(([label, f]) => `| ${label} | ${results.map((r) => f(r).replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
}

function pass(r: SoakResult, prefix: string): string {
  const c = r.checks.find((x) => x.name.startsWith(prefix));
  return c ? (c.ok ? '✓' : '**✗**') : '';
}

export function checksList(results: SoakResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${LABEL[r.backend]}:`);
    for (const c of r.checks) lines.push(`- ${c.ok ? '✓' : '✗'} ${c.name} — ${c.detail}`);
  }
  return lines.join('\n');
}

export function writeSoakResults(results: SoakResult[], setup: string): void {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeSection(
    'Soak (`npm run soak`)',
    [
      `Written by \`npm run soak\` (\`tests/soak/\`). Last run: ${new Date().toISOString()} on ${machine}, shared with other work (times are noisy; counts are exact).`,
      '',
      setup,
      '',
      summaryTable(results),
      '',
      '<details><summary>Every check of the last run</summary>',
      '',
      checksList(results),
      '',
      '</details>',
    ].join('\n'),
  );
}
