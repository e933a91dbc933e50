// What `npm run server -- issue` writes into its --out folder, and the admin
// route's CSV: per ticket `qr/<serial>.png` and `qr/<serial>.svg`; `tickets.csv`
// (UTF-8 with BOM so Excel reads Hangul; formula-safe cells) mapping codes to
// people for mail merge; `sheet.pdf`, the printable A4 sheet (sheet-pdf.ts).

import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BOM, csvRow } from '../export/csv';
import type { IssuedTicket } from './issue';
import { qrPng, qrSvg } from './qr';
import { writeSheetPdf } from './sheet-pdf';

/** File name stem of a ticket's images: the serial, zero-padded so they sort. */
export const qrStem = (serial: number) => String(serial).padStart(6, '0');

const HEADER = ['serial', 'code', 'name', 'company', 'category', 'programmes', 'valid_from', 'valid_until', 'note', 'ref', 'qr_png', 'qr_svg'];

export function ticketsCsv(tickets: readonly IssuedTicket[]): string {
  let out = BOM + csvRow(HEADER);
  for (const t of tickets) {
    const stem = qrStem(t.serial);
    out += csvRow([t.serial, t.code, t.name, t.company, t.category, t.programmes.join(';'), t.validFrom, t.validUntil, t.note, t.ref, `qr/${stem}.png`, `qr/${stem}.svg`]);
  }
  return out;
}

export interface IssueFiles {
  dir: string;
  pngBytes: number;
  svgBytes: number;
  pdfBytes: number;
  csvBytes: number;
}

/** Writes every file of an issue into `dir` (created). */
export async function writeIssueFolder(dir: string, tickets: readonly IssuedTicket[], title: string): Promise<IssueFiles> {
  await mkdir(join(dir, 'qr'), { recursive: true });
  let pngBytes = 0;
  let svgBytes = 0;
  // A few at a time: PNG deflate is CPU-bound, and the machine may be serving kiosks.
  const BATCH = 16;
  for (let i = 0; i < tickets.length; i += BATCH) {
    await Promise.all(
      tickets.slice(i, i + BATCH).map(async (t) => {
        const [png, svg] = await Promise.all([qrPng(t.code), qrSvg(t.code)]);
        pngBytes += png.length;
        svgBytes += Buffer.byteLength(svg);
        const stem = qrStem(t.serial);
        await Promise.all([writeFile(join(dir, 'qr', `${stem}.png`), png), writeFile(join(dir, 'qr', `${stem}.svg`), svg)]);
      }),
    );
  }
  const csv = ticketsCsv(tickets);
  await writeFile(join(dir, 'tickets.csv'), csv);
  const pdfPath = join(dir, 'sheet.pdf');
  const stream = createWriteStream(pdfPath);
  await writeSheetPdf(tickets, stream, title);
  return { dir, pngBytes, svgBytes, pdfBytes: stream.bytesWritten, csvBytes: Buffer.byteLength(csv) };
}
