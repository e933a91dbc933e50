// Keypad-only operation of self-service (issue 12): a physical keyboard or USB
// numeric pad alone (page.keyboard only, never a click or a tap) takes a person
// from the attract screen through name + last-4 lookup, "Is this you?", the
// verdict and back; a scanner's scan works beside it, and so do walk-in and the
// staff PIN. At every step focus must land on the new step (its heading or
// field) and show a ring that is drawn (outline not none) and stands out ≥ 3:1
// against what is around it, in the normal and the high-contrast display.
import { expect, test, type Page } from '@playwright/test';
import { scannerType, verdict } from './support/kiosk';
import { LOOKALIKES, ME, SELF_PIN, openSelfService } from './support/self';

interface Focus {
  testid: string | null;
  tag: string;
  text: string;
  visible: boolean;
  outline: string;
  width: number;
  contrast: number;
}

/** What has focus, and how its ring looks: the best contrast of the outline or the shadow ring against the background behind it. */
async function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    const rgb = (c: string): number[] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return a! < 0.5 ? null : [r!, g!, b!];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    let bg: number[] = [255, 255, 255];
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = rgb(getComputedStyle(p).backgroundColor);
      if (c) {
        bg = c;
        break;
      }
    }
    const rings = [cs.outlineStyle !== 'none' ? rgb(cs.outlineColor) : null, cs.boxShadow !== 'none' ? rgb(cs.boxShadow) : null];
    const ratio = (c: number[]) => {
      const [hi, lo] = [lum(c), lum(bg)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    return {
      testid: el.getAttribute('data-testid'),
      tag: el.tagName,
      text: (el.textContent ?? '').trim(),
      visible: el.matches(':focus-visible'),
      outline: cs.outlineStyle,
      width: parseFloat(cs.outlineWidth),
      contrast: Math.max(0, ...rings.filter((c): c is number[] => c !== null).map(ratio)),
    };
  });
}

/** Focus is where `where` says and its ring is visible. */
async function expectFocus(page: Page, where: Partial<Pick<Focus, 'testid' | 'tag' | 'text'>>, step: string): Promise<void> {
  await expect.poll(async () => {
    const f = await focused(page);
    return Object.entries(where).every(([k, v]) => f[k as keyof Focus] === v);
  }, { message: `focus on ${step}: ${JSON.stringify(where)}` }).toBe(true);
  const f = await focused(page);
  expect(f.visible, `${step}: focus ring shown`).toBe(true);
  expect(f.outline, `${step}: outline`).not.toBe('none');
  expect(f.width, `${step}: outline width`).toBeGreaterThanOrEqual(3);
  expect(f.contrast, `${step}: ring contrast`).toBeGreaterThanOrEqual(3);
}

/** A key as a person presses it: far enough apart that the scanner listener never takes it for a burst. */
async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    await page.keyboard.press(k);
    await page.waitForTimeout(90);
  }
}

/** Tab until the control `testid` has focus (a keypad user's way there). */
async function tabTo(page: Page, testid: string): Promise<void> {
  for (let i = 0; i < 20 && (await focused(page)).testid !== testid; i++) await press(page, 'Tab');
  expect((await focused(page)).testid).toBe(testid);
}

test.beforeEach(async ({ page }, info) => {
  await page.clock.install();
  await openSelfService(page, { phones: info.title.includes('last 4') });
  // From here on no pointer at all: the page starts over as a keypad user finds it
  // (openSelfService returns once self-service mode is on disk).
  await page.reload();
  await expect(page.getByTestId('self-attract')).toBeVisible({ timeout: 60_000 });
});

test('keypad only: a digit starts, name + last 4 on the numeric pad, "Is this you?", verdict, back to attract', async ({ page }) => {
  const dots = page.getByTestId('pin-pad').locator('.pinpad__dots');
  await expectFocus(page, { testid: 'self-start' }, 'attract');

  // Any digit starts a session; focus on the step's heading.
  await press(page, 'Numpad5');
  await expect(page.getByTestId('self-session')).toHaveAttribute('data-step', 'home');
  await expectFocus(page, { tag: 'H1', text: '지금 QR 코드를 스캔하세요' }, 'home');
  await press(page, 'Tab');
  await expectFocus(page, { testid: 'self-by-name' }, 'home: find by name');
  await press(page, 'Enter');

  // The name typed on the physical keyboard (an IME hands Chromium composed Hangul), Enter submits.
  await expectFocus(page, { testid: 'self-lookup-input' }, 'lookup name');
  await page.keyboard.insertText(ME.name);
  await press(page, 'Enter');
  await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'phone');
  await expectFocus(page, { tag: 'H1' }, 'last 4');

  // Top-row and pad digits, Backspace; the digits never shown.
  await press(page, '9', 'Backspace', 'Numpad4', '3');
  await expect(dots).toHaveAttribute('data-length', '2');

  // The idle warning: any key extends, is spent on that (no digit typed), and focus comes back.
  await page.clock.fastForward(40_000);
  await expect(page.getByTestId('self-idle-warning')).toBeVisible();
  await expectFocus(page, { testid: 'self-idle-extend' }, 'idle warning');
  await press(page, '7');
  await expect(page.getByTestId('self-idle-warning')).toHaveCount(0);
  await expect(page.getByTestId('self-extensions')).toHaveAttribute('data-count', '1');
  await expect(dots).toHaveAttribute('data-length', '2');
  await expectFocus(page, { tag: 'H1' }, 'last 4, after the warning');

  await press(page, 'Numpad2', 'Digit1');
  await expect(dots).toHaveAttribute('data-length', '4');
  expect(await page.content()).not.toContain('4321');
  await press(page, 'NumpadEnter');

  // One masked candidate: focus on the heading, Tab to the candidate, Enter.
  await expect(page.getByTestId('self-results')).toHaveAttribute('data-count', '1');
  await expectFocus(page, { tag: 'H1', text: '본인 항목을 누르세요' }, 'results');
  await press(page, 'Tab');
  await expectFocus(page, { testid: 'self-candidate' }, 'results: candidate');
  await press(page, 'Enter');

  // "Is this you?": Escape is "no" (back to the name, kept); the same way again, then Tab to yes.
  await expectFocus(page, { tag: 'H1', text: '본인이 맞습니까?' }, 'confirm');
  await press(page, 'Escape');
  await expectFocus(page, { testid: 'self-lookup-input' }, 'back to the name');
  await expect(page.getByTestId('self-lookup-input')).toHaveValue(ME.name);
  await press(page, 'Enter');
  await expect(dots).toHaveAttribute('data-length', '4');
  await press(page, 'Enter');
  await press(page, 'Tab', 'Enter');
  await expectFocus(page, { tag: 'H1', text: '본인이 맞습니까?' }, 'confirm again');
  await press(page, 'Tab');
  await expectFocus(page, { testid: 'self-confirm-yes' }, 'confirm: yes');
  await press(page, 'Tab');
  await expectFocus(page, { testid: 'self-confirm-no' }, 'confirm: no');
  await press(page, 'Shift+Tab');
  await expectFocus(page, { testid: 'self-confirm-yes' }, 'confirm: yes again');
  await press(page, 'Enter');

  // The verdict: focus on its title; Tab to Done, Enter, the attract screen with focus on its start.
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText(ME.name);
  await expectFocus(page, { tag: 'H1', text: '환영합니다' }, 'verdict');
  await tabTo(page, 'self-done');
  await expectFocus(page, { testid: 'self-done' }, 'verdict: done');
  await press(page, 'Enter');
  await expect(page.getByTestId('self-attract')).toBeVisible();
  await expectFocus(page, { testid: 'self-start' }, 'attract again');
  expect(await page.content()).not.toContain(ME.name);
});

test('keyboard and scanner: Enter starts, Escape ends; a scan on the attract screen, its verdict focused; rings in high contrast too', async ({ page }) => {
  for (const contrast of [false, true]) {
    await page.evaluate((on) => document.documentElement.classList.toggle('a11y-contrast', on), contrast);
    const mode = contrast ? 'high contrast' : 'normal';
    await expectFocus(page, { testid: 'self-start' }, `${mode}: attract`);
    await press(page, 'Enter');
    await expectFocus(page, { tag: 'H1', text: '지금 QR 코드를 스캔하세요' }, `${mode}: home`);
    await press(page, 'Tab');
    await expectFocus(page, { testid: 'self-by-name' }, `${mode}: find by name`);
    await press(page, 'Escape');
    await expect(page.getByTestId('self-attract')).toBeVisible();
  }

  // Space on the attract screen with nothing focused starts a session too.
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  await press(page, 'Space');
  await expect(page.getByTestId('self-session')).toHaveAttribute('data-step', 'home');
  await press(page, 'Escape');
  await expect(page.getByTestId('self-attract')).toBeVisible();

  // A scanner's burst is a scan, not a key that starts an empty session.
  await scannerType(page, LOOKALIKES[3]!.code);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText('Jane Dow');
  await expectFocus(page, { tag: 'H1', text: '환영합니다' }, 'high contrast: verdict');
  await press(page, 'Escape');
  await expect(page.getByTestId('self-attract')).toBeVisible();
  await expectFocus(page, { testid: 'self-start' }, 'attract after the scan');

  // A code that starts with digits: its first keys reach the page before the scanner is
  // recognised and start a session, which still gets the whole scan (not an empty home step).
  await scannerType(page, '20250910');
  await expect(verdict(page)).toHaveAttribute('data-reason', 'unknown_ticket');
  await expect(page.getByTestId('self-session')).toHaveAttribute('data-step', 'verdict');
});

test('walk-in by keyboard: fields typed, Enter is Next, Escape is Back, consent by Tab and Space, registered', async ({ page }) => {
  await press(page, 'Enter');
  await tabTo(page, 'self-walkin-open');
  await press(page, 'Enter');
  await expect(page.getByTestId('self-walkin')).toHaveAttribute('data-step', 'details');
  await expectFocus(page, { tag: 'H1', text: '현장등록' }, 'walk-in details');
  await press(page, 'Tab');
  await expectFocus(page, { testid: 'self-walkin-name' }, 'walk-in name');
  await page.keyboard.insertText('윤하늘');
  await press(page, 'Tab');
  await expectFocus(page, { testid: 'self-walkin-company' }, 'walk-in company');
  await page.keyboard.insertText('하늘상사');
  await press(page, 'Enter');
  await expect(page.getByTestId('self-walkin')).toHaveAttribute('data-step', 'consent');
  await expectFocus(page, { tag: 'H1' }, 'walk-in consent');

  // Escape goes back with what was typed kept; the same way forward again.
  await press(page, 'Escape');
  await expect(page.getByTestId('self-walkin')).toHaveAttribute('data-step', 'details');
  await expect(page.getByTestId('self-walkin-company')).toHaveValue('하늘상사');
  await tabTo(page, 'self-walkin-name');
  await press(page, 'Enter');
  await expectFocus(page, { tag: 'H1' }, 'walk-in consent again');
  await tabTo(page, 'consent-registration-yes');
  await expectFocus(page, { testid: 'consent-registration-yes' }, 'consent: yes');
  await press(page, 'Space');
  await expect(page.getByTestId('consent-registration-yes')).toHaveAttribute('aria-checked', 'true');
  await tabTo(page, 'self-walkin-submit');
  await expectFocus(page, { testid: 'self-walkin-submit' }, 'walk-in submit');
  await press(page, 'Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText('윤하늘');
  await expectFocus(page, { tag: 'H1', text: '환영합니다' }, 'walk-in verdict');
  await press(page, 'Escape');
  await expect(page.getByTestId('self-attract')).toBeVisible();
});

test('staff PIN by keypad: Tab to Staff, a wrong PIN refused, the right one typed on the numeric pad leaves self-service', async ({ page }) => {
  await tabTo(page, 'self-staff');
  await expectFocus(page, { testid: 'self-staff' }, 'staff button');
  await press(page, 'Enter');
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'enter');
  await press(page, '1', '1', '1', '1', 'Enter');
  await expect(page.getByTestId('pin-message')).toHaveAttribute('data-reason', 'wrong');
  await press(page, ...[...SELF_PIN].map((d) => `Numpad${d}`), 'NumpadEnter');
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
});
