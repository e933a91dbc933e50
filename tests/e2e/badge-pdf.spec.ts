// Badge templates printed to PDF in Debian's Chromium: the print document the
// kiosk renders (the print-only route ?badge-preview=…) laid out in a page with
// JavaScript off, as Electron's print window has it, then `page.pdf()` twice —
// at the template's size given explicitly (what Electron passes the printer, in
// microns) and from the document's own @page rule (what a browser's print dialog
// uses). Each PDF must be one page of the label's size whose QR, rasterised at
// 300 dpi by pdftoppm, decodes back to the ticket code with the app's ZXing. A
// 20-character Hangul name and 40-character Latin names must fit: measured in the
// page, every text box holds its text and stays inside the 3 mm safe area.
// (Electron's own printToPDF runs in tests/electron/badge.spec.ts where a binary exists.)
import { expect, test, type Browser, type Page } from '@playwright/test';
import { badgeDocument } from '../../core/kiosk-api';
import { decodeQr, measureBadge, pdfFacts } from './support/badge';

const TEMPLATES = { ql62: { w: 62, h: 100 }, card4x3: { w: 101.6, h: 76.2 }, a6: { w: 148, h: 105 } } as const;

const HANGUL_20 = '남궁가나다라마바사아자차카타파하거너더러';
const LATIN_40 = 'Maximiliana Alexandra von Hohenberg-Ruiz';
const LATIN_40_ONE_WORD = 'Wolfeschlegelsteinhausenbergerdorffvoral';
// Signed codes are the longest a QR holds (TO1: payload + Ed25519 signature, QR version ≤ 7).
const LONG_CODE = `TO1:${'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_'.repeat(3).slice(0, 110)}`;

test('the test names are as long as the brief says', () => {
  expect([...HANGUL_20]).toHaveLength(20);
  expect(/^[\uac00-\ud7a3]+$/.test(HANGUL_20)).toBe(true);
  expect(LATIN_40).toHaveLength(40);
  expect(LATIN_40_ONE_WORD).toHaveLength(40);
});

async function openBadge(page: Page, template: string, ticket: { name: string; company: string; category: string; code: string }): Promise<string> {
  const q = new URLSearchParams({ 'badge-preview': template, ...ticket, event: '2025 산업단지 수출박람회 · KICEF 2025' });
  await page.goto(`/?${q}`);
  await expect(page.getByTestId('badge-preview')).toHaveAttribute('data-ready', '1');
  const srcdoc = await page.getByTestId('badge-frame').getAttribute('srcdoc');
  expect(srcdoc).toBeTruthy();
  return srcdoc!;
}

/** The print document in a page with JavaScript off (Electron's print window), as PDF. */
async function printPdf(browser: Browser, html: string, size?: { w: number; h: number }): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const p = await context.newPage();
    await p.setContent(html, { waitUntil: 'load' });
    return await p.pdf(
      size
        ? { width: `${size.w}mm`, height: `${size.h}mm`, margin: { top: '0', right: '0', bottom: '0', left: '0' }, printBackground: true }
        : { preferCSSPageSize: true, printBackground: true },
    );
  } finally {
    await context.close();
  }
}

const cases = [
  { template: 'ql62', name: HANGUL_20, company: '한국산업단지공단 경기지역본부 수출지원센터', category: 'exhibitor', code: 'ICW25-7QK2M9' },
  { template: 'ql62', name: LATIN_40, company: 'Northwind Traders International GmbH & Co. KG', category: 'buyer', code: LONG_CODE },
  { template: 'ql62', name: LATIN_40_ONE_WORD, company: 'Acme', category: 'press', code: 'ICW25-ZZZZ01' },
  { template: 'card4x3', name: HANGUL_20, company: '(주)한빛정밀', category: 'vip', code: LONG_CODE },
  { template: 'card4x3', name: LATIN_40, company: 'Northwind Traders International GmbH & Co. KG', category: 'speaker', code: 'ICW25-7QK2M9' },
  { template: 'a6', name: HANGUL_20, company: '대성테크', category: 'staff', code: 'ICW25-A6A6A6' },
  { template: 'a6', name: LATIN_40_ONE_WORD, company: 'Northwind Traders International GmbH & Co. KG', category: 'visitor', code: LONG_CODE },
] as const;

for (const c of cases) {
  test(`${c.template}: "${c.name.slice(0, 12)}…" fits, prints one page of the label's size, and its QR reads back`, async ({ page, browser }) => {
    const size = TEMPLATES[c.template];
    const srcdoc = await openBadge(page, c.template, c);
    expect(srcdoc).toBe(badgeDocument(srcdoc.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''))); // the CSP is there, once

    // Measured in the page: every text inside its box, every box and the QR inside the safe area.
    const m = await measureBadge(page);
    expect(m.fit).toBe('ok');
    expect(m.pageWidthMm).toBeCloseTo(size.w, 1);
    expect(m.pageHeightMm).toBeCloseTo(size.h, 1);
    expect(m.noSpill).toBe(true);
    expect(m.qrInSafeArea).toBe(true);
    for (const box of m.boxes) {
      expect(box, `${box.key} fits`).toMatchObject({ fits: true, inSafeArea: true, glyphsInPage: true });
    }
    const name = m.boxes.find((b) => b.key === 'name')!;
    expect(name.text).toBe(c.name); // the whole name, never cut
    expect(name.fontMm).toBeGreaterThanOrEqual(3); // still readable at arm's length
    expect(m.boxes.find((b) => b.key === 'label')?.text).toMatch(/ · [A-Z]+$|^VIP$/);
    // The name is the largest text on the badge.
    for (const other of m.boxes.filter((b) => b.key !== 'name')) expect(name.fontMm).toBeGreaterThanOrEqual(other.fontMm);

    for (const how of ['explicit size (Electron)', '@page size (print dialog)'] as const) {
      const pdf = pdfFacts(await printPdf(browser, srcdoc, how.startsWith('explicit') ? size : undefined));
      expect(pdf.pages, how).toBe(1);
      expect(Math.abs(pdf.widthMm - size.w), `${how}: width ${pdf.widthMm} mm`).toBeLessThan(0.5);
      expect(Math.abs(pdf.heightMm - size.h), `${how}: height ${pdf.heightMm} mm`).toBeLessThan(0.5);
      expect(await decodeQr(pdf.png), how).toEqual([c.code]);
    }
  });
}
