// The printable A4 sheet of issued tickets (`sheet.pdf`): eight cards a page,
// two across, each with the QR code drawn as vectors (sharp at any printer
// resolution, and smaller than embedded images), the name, company, category
// and serial, and light cut lines. Hangul needs a CJK font: Noto Sans CJK
// (Debian/Ubuntu fonts-noto-cjk) or TURNOUT_PDF_FONT naming an OTF/TTF/TTC;
// without one, a sheet with only Latin text still prints in Helvetica and
// anything else is an error that says what to install.

import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { IssuedTicket } from './issue';
import { qrModules } from './qr';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const COLS = 2;
const ROWS = 4;
/** QR side in points, quiet zone included: 53 modules of a version 7 code at ~2.6 pt (0.9 mm). */
const QR_SIDE = 150;

interface FontFiles {
  regular: { file: string; family?: string };
  bold: { file: string; family?: string };
}

const NOTO = '/usr/share/fonts/opentype/noto';

/** The CJK font to use, or null (Helvetica, Latin only). */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): FontFiles | null {
  const own = env.TURNOUT_PDF_FONT;
  if (own) {
    if (!existsSync(own)) throw new Error(`TURNOUT_PDF_FONT: no file ${own}`);
    return { regular: { file: own }, bold: { file: own } };
  }
  const regular = `${NOTO}/NotoSansCJK-Regular.ttc`;
  const bold = `${NOTO}/NotoSansCJK-Bold.ttc`;
  if (!existsSync(regular)) return null;
  return {
    regular: { file: regular, family: 'NotoSansCJKkr-Regular' },
    bold: { file: existsSync(bold) ? bold : regular, family: existsSync(bold) ? 'NotoSansCJKkr-Bold' : 'NotoSansCJKkr-Regular' },
  };
}

// Helvetica's WinAnsi covers Latin-1 and a few more; anything past it needs the CJK font.
const latinOnly = (s: string) => /^[\u0020-\u007e\u00a0-\u00ff]*$/.test(s);

/** Draws the code as filled runs of dark modules, one path per code. */
function drawQr(doc: PDFKit.PDFDocument, code: string, x: number, y: number, side: number): void {
  const m = qrModules(code);
  const cell = side / (m.size + 8);
  const ox = x + 4 * cell;
  const oy = y + 4 * cell;
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (!m.dark(c, r)) continue;
      let end = c;
      while (end + 1 < m.size && m.dark(end + 1, r)) end++;
      // A hair of overlap so no hairline gaps show between runs in some renderers.
      doc.rect(ox + c * cell, oy + r * cell, (end - c + 1) * cell + 0.05, cell + 0.05);
      c = end;
    }
  }
  doc.fill('#000000');
}

const CARD_W = (A4.width - 2 * MARGIN) / COLS;
const CARD_H = (A4.height - 2 * MARGIN) / ROWS;
const PER_PAGE = COLS * ROWS;

/** A new page with light cut lines between cards, so they do not compete with the codes. */
function startPage(doc: PDFKit.PDFDocument): void {
  doc.addPage();
  doc.save().lineWidth(0.3).strokeColor('#bbbbbb').dash(3, { space: 3 });
  for (let c = 0; c <= COLS; c++) doc.moveTo(MARGIN + c * CARD_W, MARGIN).lineTo(MARGIN + c * CARD_W, A4.height - MARGIN);
  for (let r = 0; r <= ROWS; r++) doc.moveTo(MARGIN, MARGIN + r * CARD_H).lineTo(A4.width - MARGIN, MARGIN + r * CARD_H);
  doc.stroke().restore();
}

/** One ticket's card at (x, y): the QR on the left, name, company, category and serial beside it. */
function drawCard(doc: PDFKit.PDFDocument, t: IssuedTicket, title: string, x: number, y: number): void {
  drawQr(doc, t.code, x + 4, y + (CARD_H - QR_SIDE) / 2, QR_SIDE);
  const tx = x + QR_SIDE + 8;
  const tw = CARD_W - QR_SIDE - 16;
  doc.fillColor('#000000').font('bold').fontSize(15).text(t.name || '—', tx, y + 40, { width: tw, lineBreak: true, height: 60, ellipsis: true });
  doc.font('body').fontSize(10).fillColor('#222222').text(t.company, tx, doc.y + 4, { width: tw, height: 40, ellipsis: true });
  doc.fontSize(8).fillColor('#555555').text(`${t.category} · No. ${t.serial}`, tx, y + CARD_H - 44, { width: tw });
  doc.text(title, tx, doc.y + 2, { width: tw, height: 20, ellipsis: true });
}

/** A turn of the event loop: for the requests and timers that waited while a card was drawn. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the sheet to `out` (a file stream, or a response) and resolves when it is
 * finished. Card by card, giving the event loop a turn between cards: drawing is
 * synchronous, and 10,000 tickets take ~18 s here; in one go that would hold every
 * kiosk's sync and heartbeat on the same server for as long (bench/issue.ts
 * measures the longest stall). Throws before writing anything when a name needs a
 * CJK font there is none of, so a response can still say why.
 */
export function writeSheetPdf(tickets: readonly IssuedTicket[], out: Writable, title: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const fonts = findCjkFont(env);
  if (!fonts) {
    const foreign = tickets.find((t) => ![t.name, t.company, title].every(latinOnly));
    if (foreign) throw new Error(`The sheet needs a Korean (CJK) font for "${foreign.name}": install fonts-noto-cjk, or set TURNOUT_PDF_FONT to an OTF/TTF/TTC file.`);
  }
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'Turnout' } });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  if (fonts) {
    doc.registerFont('body', fonts.regular.file, fonts.regular.family);
    doc.registerFont('bold', fonts.bold.file, fonts.bold.family);
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
  }
  const draw = async () => {
    // Loading a font parses its whole collection (a 19 MB TTC for Noto CJK): one font
    // a turn, so the two loads are not one long stall with the first card on top.
    for (const font of ['bold', 'body']) {
      doc.font(font);
      await nextTurn();
    }
    for (const [i, t] of tickets.entries()) {
      const slot = i % PER_PAGE;
      if (i > 0) await nextTurn();
      if (slot === 0) startPage(doc);
      drawCard(doc, t, title, MARGIN + (slot % COLS) * CARD_W, MARGIN + Math.floor(slot / COLS) * CARD_H);
    }
    if (tickets.length === 0) doc.addPage();
    doc.end();
  };
  // Drawing that fails half-way ends the output with the error (a response is cut, never left hanging).
  const drawn = draw().catch((err: unknown) => {
    doc.unpipe(out);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  });
  return Promise.all([drawn, finished]).then(() => undefined);
}
