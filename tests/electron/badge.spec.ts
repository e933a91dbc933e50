// Badges inside Electron: each template rendered by the kiosk page (the print-only
// route), loaded into a hidden print window with JavaScript off, as main's badge
// printer does, and turned into a PDF by Electron's own printToPDF at the label's
// size — one page of that size, whose QR (pdftoppm at 300 dpi, the app's ZXing)
// reads back the ticket code. The typed printer API answers through window.kiosk.
// Skipped, with a printed notice, where no Electron binary is installed.
import { badgeDataUrl } from '../../electron/printing';
import { decodeQr, pdfFacts } from '../e2e/support/badge';
import { expect, requireElectron, test } from './support/electron-app';

requireElectron();

const TEMPLATES = { ql62: { w: 62, h: 100 }, card4x3: { w: 101.6, h: 76.2 }, a6: { w: 148, h: 105 } } as const;

for (const [template, size] of Object.entries(TEMPLATES)) {
  test(`${template}: printToPDF of the print document is one label-sized page whose QR reads back`, async ({ kiosk }) => {
    const code = `ICW25-${template.toUpperCase()}`;
    const q = new URLSearchParams({ 'badge-preview': template, name: '남궁가나다라마바사아자차카타파하거너더러', company: '(주)한빛정밀', category: 'vip', code });
    await kiosk.page.goto(`app://kiosk/index.html?${q}`);
    await expect(kiosk.page.getByTestId('badge-preview')).toHaveAttribute('data-ready', '1', { timeout: 30_000 });
    await expect(kiosk.page.getByTestId('badge-preview')).toHaveAttribute('data-fit', 'ok');
    const html = (await kiosk.page.getByTestId('badge-frame').getAttribute('srcdoc'))!;
    const b64 = await kiosk.app.evaluate(async ({ BrowserWindow }, { url, w, h }) => {
      const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, partition: 'turnout-badge-print' } });
      try {
        await win.loadURL(url);
        const pdf = await win.webContents.printToPDF({ pageSize: { width: w / 25.4, height: h / 25.4 }, margins: { top: 0, bottom: 0, left: 0, right: 0 }, printBackground: true });
        return pdf.toString('base64');
      } finally {
        win.destroy();
      }
    }, { url: badgeDataUrl(html), w: size.w, h: size.h });
    const pdf = pdfFacts(Buffer.from(b64, 'base64'));
    expect(pdf.pages).toBe(1);
    expect(Math.abs(pdf.widthMm - size.w)).toBeLessThan(0.5);
    expect(Math.abs(pdf.heightMm - size.h)).toBeLessThan(0.5);
    expect(await decodeQr(pdf.png)).toEqual([code]);
  });
}

test('the page lists printers and is refused an unknown one through window.kiosk', async ({ kiosk }) => {
  const listed = (await kiosk.page.evaluate('window.kiosk.listPrinters()')) as { ok: boolean; value?: { name: string }[] };
  expect(listed.ok).toBe(true);
  const refused = await kiosk.page.evaluate(`window.kiosk.printBadge({ html: '<p>x</p>', printerName: 'No_Such_Printer_4711', page: { widthMm: 62, heightMm: 100 } })`);
  expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
});
