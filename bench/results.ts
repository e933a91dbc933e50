// Benchmark results: one row per figure, printed beside its budget and its peer,
// and merged into bench/RESULTS.md (rows keyed by name, so each section rewrites
// only its own rows and the other sections' last figures stay).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

export interface Row {
  name: string;
  figure: string;
  budget: string;
  /** Did the figure meet its budget? undefined = no budget (informational). */
  pass?: boolean;
  peer?: string;
  peerFigure?: string;
}

const FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const HEAD = '| benchmark | Turnout | budget | within budget | peer (same run) | peer figure |\n|---|---|---|---|---|---|';

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function printRow(row: Row): void {
  const verdict = row.pass === undefined ? '' : row.pass ? 'OK  ' : 'OVER';
  const peer = row.peer ? `   peer ${row.peer}: ${row.peerFigure}` : '';
  console.log(`${verdict.padEnd(5)}${row.name}: ${row.figure} (budget ${row.budget})${peer}`);
}

function cell(s: string | undefined): string {
  return (s ?? '—').replace(/\|/g, '\\|');
}

/**
 * The file's own sections after the benchmark table (`## …`, e.g. the soak's,
 * tests/soak/report.ts): kept as they are when the table is rewritten.
 */
function splitSections(text: string): { table: string; sections: string } {
  const at = text.search(/^## /m);
  return at < 0 ? { table: text, sections: '' } : { table: text.slice(0, at), sections: text.slice(at) };
}

/**
 * Replaces (or appends) the `## <title>` section of RESULTS.md with `body`,
 * keeping the table and every other section. Sections end at the next `## `,
 * so a body uses `###` and below for its own headings.
 */
export function writeSection(title: string, body: string, file = FILE): void {
  if (/^## /m.test(body)) throw new Error(`section "${title}": use ### for headings inside a section`);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
  const { table, sections } = splitSections(text);
  const parts = sections.split(/^(?=## )/m).filter((p) => p.trim());
  const mine = `## ${title}\n\n${body.trim()}\n`;
  // In place when it exists, so a re-run changes only its own lines.
  const at = parts.findIndex((p) => p.startsWith(`## ${title}\n`));
  if (at < 0) parts.push(mine);
  else parts.splice(at, 1, mine);
  writeFileSync(file, `${table.trimEnd()}\n\n${parts.map((p) => p.trimEnd()).join('\n\n')}\n`);
}

/** Rewrites the benchmark table with `rows` (by name), keeping other rows and the sections after it. */
export function writeResults(rows: Row[], file = FILE): void {
  const existing = new Map<string, string>();
  const { table, sections } = splitSections(existsSync(file) ? readFileSync(file, 'utf8') : '');
  if (table) {
    for (const line of table.split('\n')) {
      const m = /^\| ([^|]+?) \|/.exec(line);
      if (m && m[1] !== 'benchmark' && !line.startsWith('|---')) existing.set(m[1]!, line);
    }
  }
  for (const r of rows) {
    const ok = r.pass === undefined ? '—' : r.pass ? 'yes' : '**no**';
    existing.set(r.name, `| ${cell(r.name)} | ${cell(r.figure)} | ${cell(r.budget)} | ${ok} | ${cell(r.peer)} | ${cell(r.peerFigure)} |`);
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const body = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`bench/run.ts`). Budgets are checked here, not in unit tests.',
    `Last run: ${new Date().toISOString()} on ${machine}, Debian Chromium headless.`,
    '',
    HEAD,
    ...existing.values(),
    '',
  ].join('\n');
  writeFileSync(file, sections ? `${body}\n${sections}` : body);
}
