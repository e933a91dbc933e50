// Issuing signed tickets (10,000 by default, ISSUE_N=…) as the `issue` CLI does (server/signing/): sign
// and store (SQLite), one QR PNG and SVG per ticket, tickets.csv and the A4
// sheet. Run alone: `tsx bench/issue.ts` (writes its section of RESULTS.md).
// Budgets: the whole run ≤ 120 s on this shared 2-core machine — a roster sent
// the evening before is printed the same hour, and an organiser waits for it
// without giving up; PNGs ≤ 3 KB each on average (30 MB for 10,000: one mail
// merge upload, one attachment each); the sheet ≤ 60 KB a page (1,250 pages,
// ~75 MB, what a print shop's upload takes); while the sheet is drawn the server's
// event loop never stalls longer than 100 ms (the same server answers every kiosk's
// sync and heartbeat: a sheet download must not hold a desk's check-ins up).
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { openDatabase } from '../server/db/connect';
import { upsertEventBundle } from '../server/repo/events';
import { issueTickets, type IssueInput } from '../server/signing/issue';
import { qrStem, ticketsCsv } from '../server/signing/issue-files';
import { qrPng, qrSvg } from '../server/signing/qr';
import { writeSheetPdf } from '../server/signing/sheet-pdf';
import { fmtMs, writeSection } from './results';

const N = Number(process.env.ISSUE_N ?? 10_000);
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '남궁'];
const GIVEN = ['철현', '영희', '민수', '서연', '지훈', '하은', '도윤', '수아'];

const dir = mkdtempSync(join(tmpdir(), 'turnout-bench-issue-'));
const db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
await upsertEventBundle(db.db, {
  event: { id: 'icw2025', name: { ko: '인천 산업 박람회', en: 'Incheon Industry Week' }, timeZone: 'Asia/Seoul', days: ['2025-09-10'] },
  programmes: [{ id: 'p1', eventId: 'icw2025', name: { ko: '개막식', en: 'Opening' }, region: '', venue: '', days: [] }],
  checkpoints: [],
  signingKeys: [],
});
const people: IssueInput[] = Array.from({ length: N }, (_, i) => ({
  ref: `REG-${i + 1}`,
  name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
  company: `(주)한빛정밀 ${i % 97}`,
  category: 'visitor',
  programmes: i % 2 ? ['p1'] : [],
}));

const t0 = performance.now();
const { issued } = await issueTickets(db.db, 'icw2025', people, undefined);
const tIssue = performance.now() - t0;

await mkdir(join(dir, 'qr'));
let png = 0;
const t1 = performance.now();
for (const t of issued) {
  const b = await qrPng(t.code);
  png += b.length;
  await writeFile(join(dir, 'qr', `${qrStem(t.serial)}.png`), b);
}
const tPng = performance.now() - t1;
let svg = 0;
const t2 = performance.now();
for (const t of issued) {
  const s = await qrSvg(t.code);
  svg += s.length;
  await writeFile(join(dir, 'qr', `${qrStem(t.serial)}.svg`), s);
}
const tSvg = performance.now() - t2;
const t3 = performance.now();
const csv = ticketsCsv(issued);
await writeFile(join(dir, 'tickets.csv'), csv);
const stream = createWriteStream(join(dir, 'sheet.pdf'));
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
await writeSheetPdf(issued, stream, '인천 산업 박람회 · Incheon Industry Week');
loop.disable();
const tPdf = performance.now() - t3;
const stallMs = loop.max / 1e6;
const pages = Math.ceil(issued.length / 8);
const total = tIssue + tPng + tSvg + tPdf;
await db.close();
rmSync(dir, { recursive: true, force: true });

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const rows = [
  ['sign + store (SQLite) ' + issued.length + ' tickets', fmtMs(tIssue), '—', ''],
  ['QR PNGs', `${fmtMs(tPng)}; ${mb(png)} (${(png / issued.length / 1024).toFixed(2)} KB each)`, '≤ 3 KB each', png / issued.length <= 3072 ? 'yes' : '**no**'],
  ['QR SVGs', `${fmtMs(tSvg)}; ${mb(svg)}`, '—', ''],
  [`tickets.csv + sheet.pdf (${pages} A4 pages)`, `${fmtMs(tPdf)}; PDF ${mb(stream.bytesWritten)} (${(stream.bytesWritten / pages / 1024).toFixed(1)} KB a page)`, '≤ 60 KB a page', stream.bytesWritten / pages <= 60 * 1024 ? 'yes' : '**no**'],
  ['longest event-loop stall while the sheet is drawn', fmtMs(stallMs), '≤ 100 ms', stallMs <= 100 ? 'yes' : '**no**'],
  ['whole issue', fmtMs(total), `≤ ${(120 * N / 10_000).toFixed(0)} s (120 s for 10,000)`, total <= (120_000 * N) / 10_000 ? 'yes' : '**no**'],
];
const body = [
  `\`tsx bench/issue.ts\`, ${new Date().toISOString().slice(0, 10)}: ${issued.length} named tickets (Hangul names and companies), key unsealed, one process on the shared 2-core machine (load average ${loadavg()[0]!.toFixed(1)} at the end). Budgets in the file header.`,
  '',
  '| step | figure | budget | within |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(body);
writeSection('Issuing signed tickets', body);
