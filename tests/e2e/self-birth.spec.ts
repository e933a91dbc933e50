// Self-service's birth-date factor (issue 12) in real Chromium with real
// IndexedDB: a roster imported with a `생년월일` column asks the person for six
// digits (YYMMDD, with an example) after their name, a wrong or impossible
// date gets the same "not found" as any miss, the right one shows the masked
// entry, and the date is never in the page or in IndexedDB in clear. A roster
// with phone digits too asks for the phone first and offers the birth date.
import { expect, test, type Page } from '@playwright/test';
import { verdict } from './support/kiosk';
import { BIRTHS, ME, MY_BIRTH_CLEAR, openSelfService, strangerNames, tapHangul } from './support/self';

const CLEAR = [...MY_BIRTH_CLEAR, ...Object.values(BIRTHS), '790515', '19790515'];

/** The page's HTML (attributes and hidden nodes included) holds no birth date and no stranger's name. */
async function expectNothingInClear(page: Page): Promise<void> {
  const html = await page.content();
  expect(CLEAR.filter((d) => html.includes(d)), 'birth dates in the DOM').toEqual([]);
  expect(strangerNames().filter((n) => html.includes(n)), 'stranger names in the DOM').toEqual([]);
}

/** Every row of the kiosk's roster and meta stores, as JSON. */
function storedKiosk(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('turnout');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((res, rej) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => res(req.result as unknown[]);
        req.onerror = () => rej(req.error);
      });
    const out = JSON.stringify({ roster: await all('roster'), meta: await all('meta'), checkins: await all('checkins') });
    db.close();
    return out;
  });
}

/** Keys as a person presses them on a USB pad: far enough apart that the scanner listener never takes them for a scan. */
async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    await page.keyboard.press(k);
    await page.waitForTimeout(90);
  }
}

async function pinDigits(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId(`pin-key-${d}`).click();
  await expect(page.getByTestId('pin-pad').locator('.pinpad__dots')).toHaveAttribute('data-length', String(digits.length));
}

test.beforeEach(async ({ page }, info) => {
  await page.clock.install();
  await openSelfService(page, { births: true, phones: info.title.includes('phone') });
});

test('name + birth date (a roster with 생년월일): wrong dates find nobody, the right one a masked entry, confirmed, checked in; the date never in clear', async ({ page }) => {
  const stored = await storedKiosk(page);
  expect(stored).toContain(ME.name);
  expect(stored).toContain('"birthHash":"h1:');
  expect(stored).not.toContain('"factorHash"');
  expect(CLEAR.filter((d) => stored.includes(d)), 'birth dates in IndexedDB').toEqual([]);

  await page.getByTestId('self-start-name').click();
  await tapHangul(page, ME.name);
  await page.getByTestId('self-lookup-next').click();
  const lookup = page.getByTestId('self-lookup');
  await expect(lookup).toHaveAttribute('data-step', 'birth');
  await expect(lookup.locator('h1')).toHaveText('생년월일 6자리를 누르세요 (YYMMDD)');
  await expect(page.getByTestId('self-birth-example')).toHaveText('예: 1990년 1월 31일생은 900131');
  // Only a roster with both factors offers a switch.
  await expect(page.getByTestId('self-factor-switch')).toHaveCount(0);

  // OK waits for six digits.
  await pinDigits(page, '87112');
  await expect(page.getByTestId('pin-ok')).toBeDisabled();
  await page.getByTestId('pin-clear').click();

  // A day off, and a day that does not exist: the same "not found" as any other miss.
  const none = page.getByTestId('self-none');
  for (const wrong of ['871124', '871132']) {
    await pinDigits(page, wrong);
    await page.getByTestId('pin-ok').click();
    await expect(none).toHaveText('찾지 못했습니다. 철자를 확인하시거나 안내 데스크 직원에게 문의하세요.');
    await expect(page.getByTestId('self-results')).toHaveAttribute('data-count', '0');
    await page.getByTestId('self-lookup-back').click();
    await expect(lookup).toHaveAttribute('data-step', 'birth');
    await page.getByTestId('pin-clear').click();
  }

  await pinDigits(page, '871123');
  await expectNothingInClear(page);
  await page.getByTestId('pin-ok').click();
  // 김철수 has the same date under another name, the other 김철현 another date: one entry, masked.
  await expect(page.getByTestId('self-results')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('self-candidate')).toHaveText(/김\*현\s*한\*\*\*/);
  await expectNothingInClear(page);
  await page.getByTestId('self-candidate').click();
  await expect(page.getByTestId('self-confirm-name')).toHaveText('김*현');
  await page.getByTestId('self-confirm-yes').click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText(ME.name);
  await expectNothingInClear(page);

  // Stored as checked in, and still nothing of the date in IndexedDB.
  const checkinId = await verdict(page).getAttribute('data-checkin-id');
  await expect.poll(async () => (await storedKiosk(page)).includes(checkinId!), { timeout: 15_000 }).toBe(true);
  const after = await storedKiosk(page);
  expect(CLEAR.filter((d) => after.includes(d)), 'birth dates in IndexedDB').toEqual([]);
});

test('a roster with phone digits and birth dates: the phone first, a switch to the birth date (in English, typed on a USB numeric pad)', async ({ page }) => {
  await page.getByTestId('self-lang-en').click();
  await page.getByTestId('self-by-name').click();
  await page.getByTestId('self-lookup-input').fill(ME.name);
  await page.getByTestId('self-lookup-next').click();
  const lookup = page.getByTestId('self-lookup');
  await expect(lookup).toHaveAttribute('data-step', 'phone');
  const other = page.getByTestId('self-factor-switch');
  await expect(other).toHaveText('Use my date of birth instead');
  await other.click();
  await expect(lookup).toHaveAttribute('data-step', 'birth');
  await expect(lookup.locator('h1')).toHaveText('Type your date of birth: 6 digits, YYMMDD');
  await expect(page.getByTestId('self-birth-example')).toHaveText('For example, 31 January 1990 is 900131');
  await expect(other).toHaveText('Use my phone number instead');
  await page.screenshot({ path: test.info().outputPath('self-birth-en.png') });

  // Four digits (the phone's habit) are not enough at the birth-date step.
  await press(page, ...[...'4321'].map((d) => `Numpad${d}`));
  await expect(page.getByTestId('pin-pad').locator('.pinpad__dots')).toHaveAttribute('data-length', '4');
  await expect(page.getByTestId('pin-ok')).toBeDisabled();
  await press(page, 'Backspace', 'Backspace', 'Backspace', 'Backspace');
  await expect(page.getByTestId('pin-pad').locator('.pinpad__dots')).toHaveAttribute('data-length', '0');
  await press(page, ...[...'871123'].map((d) => `Numpad${d}`));
  await expect(page.getByTestId('pin-pad').locator('.pinpad__dots')).toHaveAttribute('data-length', '6');
  await expectNothingInClear(page);
  await press(page, 'NumpadEnter');
  await expect(page.getByTestId('self-results')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('self-candidate')).toHaveText(/김\*현/);
  await page.getByTestId('self-candidate').click();
  await page.getByTestId('self-confirm-yes').click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expectNothingInClear(page);
});

// Large text (root font doubled) at the sizes kiosks come in: the birth-date pad
// step — title, example, dots, every key, OK, Back and the switch — on one screen
// without scrolling, and no text under 24 px (legible at 2 m).
for (const [width, height] of [[1280, 800], [1080, 1920], [1920, 1080]] as const) {
  test(`large text at ${width} × ${height}: the birth-date step with the phone switch fits without scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.getByTestId('self-display-largeText').click();
    await expect(page.locator('html')).toHaveClass(/a11y-large/);
    await page.getByTestId('self-start-name').click();
    await page.getByTestId('self-lookup-input').fill(ME.name);
    await page.getByTestId('self-lookup-next').click();
    await page.getByTestId('self-factor-switch').click();
    await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'birth');
    const ids = ['self-birth-example', 'pin-key-1', 'pin-key-0', 'pin-back', 'pin-ok', 'self-lookup-back', 'self-factor-switch', 'help-call-button'];
    const fit = await page.evaluate((testIds) => {
      const main = document.querySelector<HTMLElement>('.self > main')!;
      const inView = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return !!r && r.width > 0 && r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
      };
      let minText = Infinity;
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
        minText = Math.min(minText, parseFloat(getComputedStyle(el).fontSize));
      }
      return {
        scroll: Math.max(document.scrollingElement!.scrollHeight - innerHeight, main.scrollHeight - main.clientHeight - 1),
        outside: [...testIds.filter((id) => !inView(document.querySelector(`[data-testid="${id}"]`))), ...(inView(main.querySelector('h1')) ? [] : ['title'])],
        minText,
      };
    }, ids);
    await page.screenshot({ path: test.info().outputPath(`birth-large-${width}x${height}.png`) });
    expect(fit.outside, 'off the screen').toEqual([]);
    expect(fit.scroll, 'scrolls').toBeLessThanOrEqual(0);
    expect(fit.minText, 'text under 24 px').toBeGreaterThanOrEqual(24);
  });
}
