// Pairing in the console: pick a checkpoint, show the pairing QR large with its
// expiry; the QR, read from the screen's pixels by a decoder of its own (jsQR),
// holds the pairing link, and its code pairs a desk at that checkpoint. The
// printable sheet makes one QR per desk, each readable and each single-use.
import { expect, test } from '@playwright/test';
import { decodeQr, login, startConsoleServer, type ConsoleServer } from './support/console';

let s: ConsoleServer;
test.beforeAll(async () => {
  s = await startConsoleServer();
});
test.afterAll(async () => {
  await s.close();
});

const codeOf = (link: string) => new URL(link.replace(/^turnout:\/\//, 'http://x/')).searchParams.get('code')!;

test('the pairing QR is shown large with its expiry, decodes to the link, and pairs a desk at the checkpoint', async ({ page }) => {
  await login(page, s.base);
  await page.getByTestId('nav-pairing').click();
  await page.getByTestId('pair-checkpoint').selectOption('ceremony');
  await page.getByTestId('pair-make').click();
  const qr = page.getByTestId('pair-qr');
  await expect(qr).toBeVisible();
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(400);
  await expect(page.getByTestId('pair-expiry')).toContainText(/Valid until 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d \(1[45] min/);

  const link = await decodeQr(page, '[data-testid="pair-qr"]');
  expect(link).toMatch(/^turnout:\/\/pair\?/);
  expect(link).toContain('checkpoint=ceremony');
  expect(link).toContain(`server=${encodeURIComponent(s.base)}`);
  const code = codeOf(link!);
  await expect(page.getByTestId('pair-code')).toContainText(code);

  const res = await fetch(`${s.base}/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'QR desk' }) });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ eventId: 'icw2025', checkpointId: 'ceremony' });
  // Single use.
  const again = await fetch(`${s.base}/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'QR desk 2' }) });
  expect(again.status).toBe(409);
});

test('a printable sheet holds one readable, single-use pairing QR per desk', async ({ page }) => {
  await login(page, s.base);
  await page.getByTestId('nav-pairing').click();
  await page.getByTestId('pair-sheet-link').click();
  // locator.all() does not wait: on a loaded machine it ran before the sheet's
  // inputs rendered, zeroed none, and the default one-per-checkpoint made 9 cards.
  await expect(page.getByTestId('sheet-count-hall-a')).toBeVisible();
  for (const input of await page.locator('[data-testid^="sheet-count-"]').all()) await input.fill('0');
  await page.getByTestId('sheet-count-hall-a').fill('3');
  await page.getByTestId('sheet-count-coffee-truck').fill('2');
  await page.getByTestId('pair-ttl').selectOption(String(8 * 3600));
  await page.getByTestId('sheet-make').click();
  const cards = page.getByTestId('sheet-card');
  await expect(cards).toHaveCount(5);
  await expect(page.locator('[data-testid="sheet-card"][data-checkpoint="hall-a"]')).toHaveCount(3);

  const codes = new Set<string>();
  for (let i = 0; i < 5; i++) {
    const link = await decodeQr(page, `[data-testid="sheet-card"]:nth-child(${i + 1}) img`);
    expect(link, `card ${i + 1}`).toMatch(/^turnout:\/\/pair\?/);
    expect(link).toContain(`checkpoint=${i < 3 ? 'hall-a' : 'coffee-truck'}`);
    codes.add(codeOf(link!));
  }
  expect(codes.size).toBe(5);

  // Printed: two columns of cards, none of the console's chrome.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('sheet-make')).toBeHidden();
  await expect(page.getByTestId('nav-pairing')).toBeHidden();
  await expect(cards.first()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
