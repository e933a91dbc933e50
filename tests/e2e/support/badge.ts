// Looking at printed badges: the PDF's page size and page count (pdfinfo), its
// first page as a PNG at a label printer's 300 dpi (pdftoppm, Debian's
// poppler-utils), the QR read back with the app's own decoder (ZXing WebAssembly,
// the wasm the kiosk bundles, here in Node), and a badge measured in the page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const PT_PER_MM = 72 / 25.4;

export interface PdfFacts {
  pages: number;
  widthMm: number;
  heightMm: number;
  /** The first page at `dpi`, as PNG bytes. */
  png: Buffer;
}

export function pdfFacts(pdf: Buffer, dpi = 300): PdfFacts {
  const dir = mkdtempSync(join(tmpdir(), 'turnout-badge-pdf-'));
  try {
    const file = join(dir, 'badge.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    if (!size) throw new Error(`pdfinfo gave no page size:\n${info}`);
    execFileSync('pdftoppm', ['-q', '-r', String(dpi), '-f', '1', '-l', '1', '-png', '-singlefile', file, join(dir, 'page')]);
    return { pages, widthMm: Number(size[1]) / PT_PER_MM, heightMm: Number(size[2]) / PT_PER_MM, png: readFileSync(join(dir, 'page.png')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let zxingReady: Promise<unknown> | undefined;

/** Every QR code ZXing finds in a PNG. */
export async function decodeQr(png: Buffer): Promise<string[]> {
  zxingReady ??= (() => {
    const wasm = readFileSync(join(import.meta.dirname, '..', '..', '..', 'node_modules', 'zxing-wasm', 'dist', 'reader', 'zxing_reader.wasm'));
    return prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
  })();
  await zxingReady;
  const found = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
  return found.filter((r) => r.isValid).map((r) => r.text);
}

export interface BoxMeasure {
  key: string;
  fontMm: number;
  /** Stacked lines no taller than the box, glyphs within its sides. */
  fits: boolean;
  /** The box lies inside the page less the safe area. */
  inSafeArea: boolean;
  /**
   * The glyphs' content area (ascent to descent, wider than the ink: Noto Sans CJK's
   * is 1.45 em against a 1.2 em line) stays 2 mm or more inside the page edge.
   */
  glyphsInPage: boolean;
  text: string;
}

export interface BadgeMeasure {
  template: string;
  pageWidthMm: number;
  pageHeightMm: number;
  boxes: BoxMeasure[];
  qrInSafeArea: boolean;
  /** Nothing of the badge spills past its page. */
  noSpill: boolean;
  fit: string;
}

/**
 * Measures the badge in the print frame of `page` (ui/BadgePreview's frame, the
 * print document itself), from the kiosk page: the frame runs no script.
 */
export function measureBadge(page: Page, safeMm = 3): Promise<BadgeMeasure> {
  return page.evaluate((safe) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="badge-frame"]');
    const doc = frame?.contentDocument;
    const root = doc?.querySelector<HTMLElement>('.tb-badge');
    if (!doc || !root) throw new Error('no badge in the frame');
    const pxPerMm = 96 / 25.4;
    const page = root.getBoundingClientRect();
    const s = safe * pxPerMm - 0.05;
    const inset = (r: DOMRect, by: number) => r.left >= page.left + by && r.right <= page.right - by && r.top >= page.top + by && r.bottom <= page.bottom - by;
    const inSafe = (r: DOMRect) => inset(r, s);
    const boxes = [...root.querySelectorAll<HTMLElement>('[data-fit]')].map((box) => {
      const inner = box.firstElementChild as HTMLElement;
      const b = box.getBoundingClientRect();
      const range = doc.createRange();
      range.selectNodeContents(inner);
      const glyphs = range.getBoundingClientRect();
      const lines = inner.getBoundingClientRect();
      return {
        key: box.dataset.fit ?? '',
        fontMm: parseFloat(getComputedStyle(inner).fontSize) / pxPerMm,
        fits: lines.height <= b.height + 0.05 && glyphs.left >= b.left - 0.05 && glyphs.right <= b.right + 0.05,
        inSafeArea: inSafe(b),
        glyphsInPage: inset(glyphs, 2 * pxPerMm),
        text: inner.textContent ?? '',
      };
    });
    const qr = root.querySelector<HTMLElement>('.tb-badge__qr')!.getBoundingClientRect();
    return {
      template: root.dataset.badgeTemplate ?? '',
      pageWidthMm: page.width / pxPerMm,
      pageHeightMm: page.height / pxPerMm,
      boxes,
      qrInSafeArea: inSafe(qr),
      noSpill: root.scrollWidth <= root.clientWidth && root.scrollHeight <= root.clientHeight,
      fit: root.dataset.fit ?? '',
    };
  }, safeMm);
}
