// What a kiosk page must not be able to do: leave the app (links, location,
// redirects), open pop-ups, or get the microphone or location. The camera-only
// permission rule is unit-tested in tests/unit/electron; here it is the real thing.
// Skipped, with a printed notice, where no Electron binary is installed.
import { expect, requireElectron, test } from './support/electron-app';

requireElectron();

test('navigation to another origin is blocked and logged', async ({ kiosk }) => {
  const { page } = kiosk;
  const start = page.url();
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'file:///etc/passwd';
    document.body.append(a);
    a.click();
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toBe(start);
  await expect.poll(() => kiosk.mainLog()).toContain('navigation blocked');
});

test('window.open and target=_blank are denied: still one window', async ({ kiosk }) => {
  const { page, app } = kiosk;
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('app://kiosk/index.html') === null)).toBe(true);
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'https://example.com/';
    a.target = '_blank';
    document.body.append(a);
    a.click();
  });
  await page.waitForTimeout(1000);
  expect(app.windows()).toHaveLength(1);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await expect.poll(() => kiosk.mainLog()).toContain('window.open denied');
});

test('the microphone and geolocation are refused', async ({ kiosk }) => {
  const outcome = await kiosk.page.evaluate(async () => {
    const mic = await navigator.mediaDevices.getUserMedia({ audio: true }).then(
      () => 'granted',
      (e: Error) => e.name,
    );
    const geo = await new Promise<string>((resolve) =>
      navigator.geolocation.getCurrentPosition(
        () => resolve('granted'),
        (e) => resolve(e.code === e.PERMISSION_DENIED ? 'denied' : `error ${e.code}`),
        { timeout: 5000 },
      ),
    );
    return { mic, geo };
  });
  expect(outcome.mic).not.toBe('granted');
  expect(outcome.geo).toBe('denied');
});
