// Self-service mode (issue 12) in real Chromium with real IndexedDB, on
// Playwright's fake clock (installed running: the app works as usual, and the
// test jumps the idle minutes instead of waiting them; the countdown tests stop
// it, so the seconds they read are exact). The roster holds
// look-alikes of the person (same name elsewhere, near names at the same
// company): none of their names may ever reach the self-service DOM.
import { expect, test, type Page } from '@playwright/test';
import { scannerType, verdict } from './support/kiosk';
import { LOOKALIKES, ME, PHONES, SELF_PIN, openSelfService, storedSelfService, strangerNames, tapHangul, typePin } from './support/self';

/** No stranger's full name anywhere in the page's HTML (attributes and hidden nodes included). */
async function expectNoStrangers(page: Page): Promise<void> {
  const html = await page.content();
  const leaked = strangerNames().filter((n) => html.includes(n));
  expect(leaked, 'stranger names in the self-service DOM').toEqual([]);
}

test.beforeEach(async ({ page }, info) => {
  await page.clock.install();
  await openSelfService(page, { phones: info.title.includes('last 4') });
});

/**
 * Stops the page's clock (one second on, to stay ahead of it): from here the
 * countdowns move only when the test moves them. Left running, the real time a
 * loaded machine spends between two steps also ran them down, and the seconds a
 * step saw were anyone's guess.
 */
async function pauseClock(page: Page): Promise<void> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
}

/** The countdown as shown: its seconds and its words, read together (a tick between two reads changed one). */
function countdown(page: Page): Promise<{ seconds: string | null; text: string }> {
  return page.getByTestId('self-idle-warning').evaluate((el) => ({ seconds: el.getAttribute('data-seconds'), text: el.textContent ?? '' }));
}

test('attract → scan → verdict → the countdown → wiped back to the attract screen', async ({ page }) => {
  await expect(page.getByTestId('self-event-name')).not.toBeEmpty();
  await expectNoStrangers(page);

  await pauseClock(page);
  await scannerType(page, LOOKALIKES[3]!.code); // Jane Dow scans her own code
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText('Jane Dow');

  // 8 s after the verdict the warning shows, with a countdown of 20 s (WCAG 2.2.1).
  await expect(page.getByTestId('self-idle-warning')).toHaveCount(0);
  await page.clock.fastForward(8_000);
  const warning = page.getByTestId('self-idle-warning');
  await expect(warning).toBeVisible();
  expect(await countdown(page)).toEqual({ seconds: '20', text: expect.stringContaining('20초 후 화면이 지워집니다') });
  await page.clock.fastForward(10_000);
  await expect(warning).toHaveAttribute('data-seconds', '10');
  await page.clock.fastForward(10_000);
  await expect(page.getByTestId('self-attract')).toBeVisible();
  expect(await page.content()).not.toContain('Jane Dow');
});

test('name + company: masked result, "Is this you?", then checked in — strangers never shown', async ({ page }) => {
  await page.getByTestId('self-start-name').click();
  await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'name');

  // A name alone lists no one, and a near name at the right company neither (김철 ≠ 김철수).
  await tapHangul(page, '김철');
  await page.getByTestId('self-lookup-next').click();
  await page.getByTestId('self-lookup-input').fill('한빛');
  await page.getByTestId('self-lookup-next').click();
  await expect(page.getByTestId('self-none')).toBeVisible();
  await expectNoStrangers(page);

  // Back to the name: the full name, then the company's start.
  await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('self-lookup-input').fill('');
  await tapHangul(page, '김철현');
  await expect(page.getByTestId('self-lookup-input')).toHaveValue('김철현');
  await page.getByTestId('self-lookup-next').click();
  await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'factor');
  await expect(page.getByTestId('self-lookup-input')).toHaveValue('한빛'); // kept from the first try
  await page.getByTestId('self-lookup-input').fill('');
  await tapHangul(page, '한빛');
  await page.getByTestId('self-lookup-next').click();

  // One match (the other 김철현 works at 대한물산), masked.
  await expect(page.getByTestId('self-results')).toHaveAttribute('data-count', '1');
  const candidate = page.getByTestId('self-candidate');
  await expect(candidate).toHaveText(/김\*현\s*한\*\*\*/);
  await expectNoStrangers(page);
  expect(await page.content()).not.toContain('대한물산');
  expect(await page.content()).not.toContain(ME.code);

  await candidate.click();
  await expect(page.getByTestId('self-confirm')).toContainText('본인이 맞습니까?');
  await expect(page.getByTestId('self-confirm-name')).toHaveText('김*현');
  await expectNoStrangers(page);
  await page.getByTestId('self-confirm-yes').click();

  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText(ME.name);
  await expectNoStrangers(page);

  // Done ends the session at once: nothing of it is left.
  await page.getByTestId('self-done').click();
  await expect(page.getByTestId('self-attract')).toBeVisible();
  expect(await page.content()).not.toContain(ME.name);
  await page.getByTestId('self-start-name').click();
  await expect(page.getByTestId('self-lookup-input')).toHaveValue('');
});

test('the countdown extends on a touch, eleven times running; then the session is wiped', async ({ page }) => {
  await pauseClock(page);
  await page.getByTestId('self-lang-en').click();
  await page.getByTestId('self-by-name').click();
  await page.getByTestId('self-lookup-input').fill('Jane');
  const warning = page.getByTestId('self-idle-warning');
  for (let i = 1; i <= 11; i++) {
    await page.clock.fastForward(40_000);
    await expect(warning).toBeVisible();
    expect(await countdown(page)).toEqual({ seconds: '20', text: expect.stringContaining('cleared in 20 seconds') });
    await page.clock.fastForward(15_000);
    await expect(warning).toHaveAttribute('data-seconds', '5');
    await page.getByTestId('self-idle-extend').click();
    await expect(warning).toHaveCount(0);
    await expect(page.getByTestId('self-extensions')).toHaveAttribute('data-count', String(i));
    // Still the same session: the typed text is there.
    await expect(page.getByTestId('self-lookup-input')).toHaveValue('Jane');
  }
  await page.clock.fastForward(60_000);
  await expect(page.getByTestId('self-attract')).toBeVisible();
  // The language the person chose is gone with the session too.
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByTestId('self-start-name').click();
  await expect(page.getByTestId('self-lookup-input')).toHaveValue('');
});

test('leaving self-service needs the staff PIN; a reload stays in self-service', async ({ page }) => {
  await page.reload();
  await expect(page.getByTestId('self-attract')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('self-staff').click();
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'enter');
  await typePin(page, '1111');
  await expect(page.getByTestId('pin-message')).toHaveAttribute('data-reason', 'wrong');
  await page.getByTestId('pin-cancel').click();
  await expect(page.getByTestId('self-attract')).toBeVisible();
  await expect(page.getByTestId('open-search')).toHaveCount(0);

  await page.getByTestId('self-staff').click();
  await typePin(page, SELF_PIN);
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await expect(page.getByTestId('open-search')).toBeVisible();
  await expect.poll(() => storedSelfService(page), { timeout: 15_000 }).toBe(false);
  await page.reload();
  await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
});

test('name + phone last 4 (a roster with 연락처뒤4자리): masked result, confirmation, checked in; the digits stored only as a hash', async ({ page }) => {
  // In IndexedDB: a hash on the tickets that had a number, never the number.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('turnout');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows = await new Promise<unknown[]>((res) => {
      const req = db.transaction('roster').objectStore('roster').getAll();
      req.onsuccess = () => res(req.result as unknown[]);
    });
    const meta = await new Promise<unknown[]>((res) => {
      const req = db.transaction('meta').objectStore('meta').getAll();
      req.onsuccess = () => res(req.result as unknown[]);
    });
    return JSON.stringify({ rows, meta });
  });
  expect(stored).toContain('"factorHash":"h1:');
  for (const phone of Object.values(PHONES)) {
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain(`"${phone.slice(-4)}"`);
  }

  await page.getByTestId('self-start-name').click();
  await tapHangul(page, ME.name);
  await page.getByTestId('self-lookup-next').click();
  await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'phone');

  // Wrong digits find nobody. (김철수 shares the last 4 but not the name: the one result below is the person.)
  for (const d of '9999') await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('self-none')).toBeVisible();
  await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('pin-clear').click();

  for (const d of '4321') await page.getByTestId(`pin-key-${d}`).click();
  await expect(page.getByTestId('pin-pad').locator('.pinpad__dots')).toHaveAttribute('data-length', '4');
  expect(await page.content()).not.toContain('4321');
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('self-results')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('self-candidate')).toHaveText(/김\*현\s*한\*\*\*/);
  await expectNoStrangers(page);
  await page.getByTestId('self-candidate').click();
  await expect(page.getByTestId('self-confirm-name')).toHaveText('김*현');
  await page.getByTestId('self-confirm-yes').click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText(ME.name);
  await expectNoStrangers(page);
  expect(await page.content()).not.toContain('4321');
});
