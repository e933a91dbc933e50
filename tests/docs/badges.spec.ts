// Regenerates the badge screenshots in docs/ (`npm run screenshots`; not part of
// `npm test`, it writes into the tree): each template as the print document
// renders it (JavaScript off, the page exactly the label, 2 device pixels per CSS
// pixel), and the desk's verdict with its badge printed and with a failed print.
import { expect, test, type Page } from '@playwright/test';
import { fail, ok, type PrintOutcome, type Result } from '../../core/kiosk-api';
import { installShellBridge } from '../support/shell-bridge';
import { admissibleCodes, kioskUrl, scannerBurstInPage, verdict } from '../e2e/support/kiosk';

const SIZES = { ql62: { w: 62, h: 100 }, card4x3: { w: 101.6, h: 76.2 }, a6: { w: 148, h: 105 } } as const;
const px = (mm: number) => Math.round((mm * 96) / 25.4);

const PEOPLE = {
  ql62: { name: '김철현', company: '(주)한빛정밀', category: 'exhibitor', code: 'ICW25-7QK2M9' },
  card4x3: { name: 'Maximiliana Alexandra von Hohenberg-Ruiz', company: 'Northwind Traders International GmbH & Co. KG', category: 'buyer', code: 'ICW25-N0RTHW' },
  a6: { name: '이영희', company: '대성테크', category: 'press', code: 'ICW25-PRESS1' },
} as const;

for (const [template, size] of Object.entries(SIZES) as [keyof typeof SIZES, { w: number; h: number }][]) {
  test(`docs screenshot: badge ${template}`, async ({ page, browser }) => {
    const q = new URLSearchParams({ 'badge-preview': template, ...PEOPLE[template], event: '2025 산업단지 주간 · KICEF 2025' });
    await page.goto(`/?${q}`);
    await expect(page.getByTestId('badge-preview')).toHaveAttribute('data-ready', '1');
    const html = (await page.getByTestId('badge-frame').getAttribute('srcdoc'))!;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: px(size.w), height: px(size.h) }, deviceScaleFactor: 2 });
    const p = await context.newPage();
    await p.setContent(html);
    await p.screenshot({ path: `docs/badge-${template}.png` });
    await context.close();
  });
}

async function scanInPage(page: Page, code: string): Promise<void> {
  const before = (await verdict(page).count()) > 0 ? await verdict(page).getAttribute('data-checkin-id') : null;
  await scannerBurstInPage(page, code);
  await expect(verdict(page)).not.toHaveAttribute('data-checkin-id', before ?? '-');
  await expect(verdict(page)).toHaveAttribute('data-checkin-id', /./);
}

test('docs screenshots: the desk printing badges (Electron printing via the shell bridge)', async ({ page, context, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const answers: Result<PrintOutcome>[] = [];
  const bridge = await installShellBridge(context, new URL(baseURL!).origin, undefined, {
    listPrinters: async () => [{ name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: '' }],
    printBadge: async (input) => answers.shift() ?? ok({ printerName: input.printerName ?? null }),
  });
  try {
    await page.goto(kioskUrl());
    await expect(page.getByTestId('badge-setup')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('badge-on').click();
    await page.getByTestId('badge-printer').selectOption('Brother_QL_820NWB');
    await expect(page.locator('.setup__badge-preview iframe')).toBeVisible();
    await page.screenshot({ path: 'docs/badge-setup.png' });
    await page.locator('[data-checkpoint="info-desk"]').click();
    const [a, b] = admissibleCodes(2);
    await scanInPage(page, a!);
    await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'printed');
    await page.screenshot({ path: 'docs/badge-printed.png' });
    answers.push(fail('print_failed', 'Printing failed: no answer from the printer in 15 s'));
    await scanInPage(page, b!);
    await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'failed');
    await page.screenshot({ path: 'docs/badge-failed.png' });
  } finally {
    await bridge.close();
  }
});
