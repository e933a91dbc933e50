// Driving the self-service kiosk (renderer/ui/self) like an attendee: a kiosk
// set up in self-service mode over a roster with look-alike names, the staff
// PIN, and typing on the on-screen keyboard.
import { expect, type Page } from '@playwright/test';
import { disassemble } from 'es-hangul';
import { demoTicket } from '../../../core/demo/roster';
import { EVENT_DAY, chooseBadges, kioskUrl, storedMeta } from './kiosk';

export const SELF_PIN = '2468';
/** The person at the kiosk: demo ticket #0, 김철현 of (주)한빛정밀. */
export const ME = demoTicket(0);

/**
 * Look-alikes imported beside the 50-ticket demo roster: the same name at another
 * company, near names at the same company, and near Latin names.
 */
export const LOOKALIKES = [
  { code: 'SS-0001', name: '김철현', company: '대한물산' },
  { code: 'SS-0002', name: '김철수', company: '(주)한빛정밀' },
  { code: 'SS-0003', name: '김철민', company: '한빛전자' },
  { code: 'SS-0004', name: 'Jane Dow', company: 'Northwind Logistics' },
];

/** Every name on this kiosk that is not the person's own: none may ever reach the self-service DOM. */
export function strangerNames(): string[] {
  const demo = Array.from({ length: 50 }, (_, i) => demoTicket(i).name);
  return [...new Set([...demo, ...LOOKALIKES.map((l) => l.name)])].filter((n) => n !== ME.name);
}

export async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}

/** A fresh kiosk: the look-alikes imported, self-service ticked, the PIN set on the way in. */
/** Phone numbers of the roster with a `연락처뒤4자리` column (`phones`): the person's, and the other 김철현's. */
export const PHONES: Record<string, string> = { [ME.code]: '010-9876-4321', 'SS-0001': '010-5555-1234', 'SS-0002': '010-2222-4321' };

/**
 * Birth dates of the roster with a `생년월일` column (`births`), in three of the
 * accepted forms: the person's (871123), the other 김철현's, and 김철수's (the
 * person's date under another name).
 */
export const BIRTHS: Record<string, string> = { [ME.code]: '1987-11-23', 'SS-0001': '19790515', 'SS-0002': '1987. 11. 23.' };
/** Every way the person's birth date could show in clear. */
export const MY_BIRTH_CLEAR = ['871123', '19871123', '1987-11-23', '1987. 11. 23.'];

/** `modes`: display modes switched on in settings first, the device's configured default (display-largeText…). */
export async function openSelfService(
  page: Page,
  opts: { phones?: boolean; births?: boolean; modes?: ('largeText' | 'highContrast' | 'lowPosition')[] } = {},
): Promise<void> {
  await page.goto(`/?roster=50&at=${encodeURIComponent(EVENT_DAY)}`);
  await expect(page.locator('[data-checkpoint="info-desk"]')).toBeVisible({ timeout: 60_000 });
  for (const m of opts.modes ?? []) {
    await page.getByTestId(`display-${m}`).click();
    await expect(page.getByTestId(`display-${m}`)).toHaveAttribute('aria-pressed', 'true');
  }
  const factors = opts.phones || opts.births;
  const rows = [...(factors ? [{ code: ME.code, name: ME.name, company: ME.company }] : []), ...LOOKALIKES];
  const columns = [
    ...(opts.phones ? [{ header: '연락처뒤4자리', of: PHONES }] : []),
    ...(opts.births ? [{ header: '생년월일', of: BIRTHS }] : []),
  ];
  const csv = factors
    ? [
        ['코드', '성명', '회사명', ...columns.map((c) => c.header)].join(','),
        ...rows.map((l) => [l.code, l.name, `"${l.company}"`, ...columns.map((c) => c.of[l.code] ?? '')].join(',')),
      ].join('\n')
    : ['code,name,company', ...rows.map((l) => `${l.code},${l.name},"${l.company}"`)].join('\n');
  await page.getByTestId('csv-input').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-imported', String(rows.length));
  await page.getByTestId('self-service-toggle').locator('input').check();
  await page.locator('[data-checkpoint="info-desk"]').click();
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'set');
  await typePin(page, SELF_PIN);
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'confirm');
  await typePin(page, SELF_PIN);
  await expect(page.getByTestId('self-attract')).toBeVisible();
  // Self-service shows only once its session is stored (App's setSession, durability.spec):
  // this holds at once; it stays as the guard a reload right after relies on.
  await expect.poll(() => storedSelfService(page), { timeout: 15_000 }).toBe(true);
}

/** Whether the device's session, as stored, is in self-service mode. */
export async function storedSelfService(page: Page): Promise<boolean> {
  return (await storedMeta<{ selfService?: boolean }>(page, 'session'))?.selfService === true;
}

/** Taps Hangul on the on-screen keyboard, jamo by jamo, as a 2-beolsik typist does. */
export async function tapHangul(page: Page, text: string): Promise<void> {
  for (const jamo of disassemble(text)) {
    await page.getByTestId(`osk-key-${jamo}`).click();
  }
}

/**
 * Walks every self-service screen once, calling `check(screen)` on each: the
 * a11y spec runs axe there, the docs spec takes a screenshot. Needs the fake
 * clock installed (page.clock.install()) for the idle warning.
 */
export async function walkSelfScreens(page: Page, check: (screen: string) => Promise<void>): Promise<void> {
  await expect(page.getByTestId('self-attract')).toBeVisible();
  await check('attract');
  await page.getByTestId('self-start').click();
  await expect(page.getByTestId('self-session')).toHaveAttribute('data-step', 'home');
  await check('home');
  await page.getByTestId('self-by-name').click();
  await tapHangul(page, ME.name);
  await check('lookup-name');
  await page.getByTestId('self-lookup-next').click();
  await tapHangul(page, '한빛');
  await check('lookup-company');
  await page.getByTestId('self-lookup-next').click();
  await expect(page.getByTestId('self-candidate')).toHaveCount(1);
  await check('results');
  await page.getByTestId('self-candidate').click();
  await expect(page.getByTestId('self-confirm')).toBeVisible();
  await check('confirm');
  await page.getByTestId('self-confirm-yes').click();
  await expect(page.locator('[data-verdict="accepted"]')).toBeVisible();
  await check('verdict-accepted');
  await page.clock.fastForward(8_000);
  await expect(page.getByTestId('self-idle-warning')).toBeVisible();
  await check('idle-warning');
  await page.clock.fastForward(25_000);
  await expect(page.getByTestId('self-attract')).toBeVisible();
  // Nobody found, in English: the same words whatever the reason, so it tells nothing about the roster.
  await page.getByTestId('self-lang-en').click();
  await page.getByTestId('self-by-name').click();
  await page.getByTestId('self-lookup-input').fill('Nobody Here');
  await page.getByTestId('self-lookup-next').click();
  await page.getByTestId('self-lookup-input').fill('Acme');
  await page.getByTestId('self-lookup-next').click();
  await expect(page.getByTestId('self-none')).toBeVisible();
  await check('not-found-en');
  await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('self-done').click();
  await expect(page.getByTestId('self-attract')).toBeVisible();
  await page.getByTestId('self-staff').click();
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'enter');
  await check('staff-pin');
  await page.getByTestId('pin-cancel').click();
}

/**
 * Walks self-service walk-in registration (SelfWalkIn) once, calling `check` on
 * the form and on the consent step; leaves the session by "Done" unregistered.
 */
export async function walkSelfWalkIn(page: Page, check: (screen: string) => Promise<void>): Promise<void> {
  await page.getByTestId('self-start').click();
  await page.getByTestId('self-walkin-open').click();
  await expect(page.getByTestId('self-walkin')).toHaveAttribute('data-step', 'details');
  await tapHangul(page, '윤하늘');
  await check('walkin-details');
  await page.getByTestId('self-walkin-next').click();
  await expect(page.getByTestId('self-walkin')).toHaveAttribute('data-step', 'consent');
  await page.getByTestId('consent-registration-yes').click();
  await page.getByTestId('consent-contact-no').click();
  await check('walkin-consent');
  await page.getByTestId('self-walkin-back').click();
  await page.getByTestId('self-walkin-back').click();
  await page.getByTestId('self-done').click();
  await expect(page.getByTestId('self-attract')).toBeVisible();
}

/**
 * A self-service kiosk that prints badges (62 mm labels) on `printer`, one of the
 * shell bridge's listed printers, from a fresh start to the attract screen.
 */
export async function openSelfServiceWithPrinter(page: Page, printer: string): Promise<void> {
  await page.goto(kioskUrl({ roster: 200 }));
  await expect(page.getByTestId('badge-setup')).toBeVisible({ timeout: 60_000 });
  await chooseBadges(page, 'ql62', printer);
  await page.getByTestId('self-service-toggle').locator('input').check();
  await page.locator('[data-checkpoint="info-desk"]').click();
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'set');
  await typePin(page, SELF_PIN);
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'confirm');
  await typePin(page, SELF_PIN);
  await expect(page.getByTestId('self-attract')).toBeVisible();
  // As openSelfService: returns once self-service mode is on disk, so a reload keeps it.
  await expect.poll(() => storedSelfService(page), { timeout: 15_000 }).toBe(true);
}
