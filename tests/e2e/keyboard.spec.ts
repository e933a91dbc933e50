// The on-screen keyboard in real Chromium, tapped like a touch screen: 혜진 and 씨
// need the one-shot Shift (ㅖ, ㅆ); a double final splits when a vowel follows
// (닭 + ㅏ → 달가) and backspace takes one jamo; digits and ABC with Shift give
// capitals. What the person sees is the text in the search field, and the search
// running on it.
import { expect, test, type Page } from '@playwright/test';
import { kioskUrl } from './support/kiosk';

async function tap(page: Page, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    const id = k === '⇧' ? 'osk-shift' : k === '⌫' ? 'osk-backspace' : `osk-key-${k}`;
    await page.getByTestId(id).tap();
  }
}

test.use({ hasTouch: true });

test('tapping keys types 혜진 and 씨 (Shift once), splits 닭 before a vowel, backspaces by jamo; digits and ABC', async ({ page }) => {
  await page.goto(kioskUrl());
  await page.locator('[data-checkpoint="info-desk"]').click({ timeout: 60_000 });
  await page.getByTestId('open-search').click();
  const field = page.getByTestId('search-input');
  const osk = page.getByTestId('osk');

  await tap(page, 'ㄱ', 'ㅣ', 'ㅁ', 'ㅎ', '⇧');
  await expect(osk).toHaveAttribute('data-shift', 'true');
  await expect(page.getByTestId('osk-key-ㅖ')).toBeVisible(); // Shift shows the shifted keys
  await tap(page, 'ㅖ');
  await expect(osk).toHaveAttribute('data-shift', 'false'); // one-shot
  await tap(page, 'ㅈ', 'ㅣ', 'ㄴ');
  await expect(field).toHaveValue('김혜진');
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-query', '김혜진');
  await expect(page.locator('.result__name').first()).toHaveText('김혜진'); // the demo roster has several

  await page.getByTestId('osk-clear').tap();
  await expect(field).toHaveValue('');
  await tap(page, '⇧', 'ㅆ', 'ㅣ');
  await expect(field).toHaveValue('씨');
  await tap(page, 'ㅅ'); // Shift was spent on ㅆ
  await expect(field).toHaveValue('씻');

  await page.getByTestId('osk-clear').tap();
  await tap(page, 'ㄷ', 'ㅏ', 'ㄹ', 'ㄱ');
  await expect(field).toHaveValue('닭');
  await tap(page, 'ㅏ');
  await expect(field).toHaveValue('달가');
  await tap(page, '⌫', '⌫');
  await expect(field).toHaveValue('달');
  await tap(page, '⌫');
  await expect(field).toHaveValue('다');

  await page.getByTestId('osk-clear').tap();
  await page.getByTestId('osk-layout').tap();
  await expect(osk).toHaveAttribute('data-layout', 'latin');
  await tap(page, '⇧', 'K', 'i', 'm', '0', '1');
  await expect(field).toHaveValue('Kim01');
  await page.getByTestId('osk-layout').tap();
  await expect(page.getByTestId('osk-key-ㅂ')).toBeVisible();
});
