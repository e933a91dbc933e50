// A door that admits only staff offers no walk-in registration (a walk-in is never
// a staff card: core/walkin.ts walkInFallbackCategory / walkInCategories), in real
// Chromium against the real upstream. The organiser adds a staff-only checkpoint;
// a kiosk paired there shows no walk-in button at the desk, nor on the self-service
// home screen, nor when nobody is found by name — while the same kiosk at the
// information desk (every category) offers it in both modes.
import { expect, test, type Page } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { DEMO_STAFF_PIN } from '../../server/demo';
import { newKiosk, pairByUrl, scanRead } from './support/sync';
import { tapHangul } from './support/self';
import { ADMIN_TOKEN, EVENT_ID, startUpstream, type Upstream } from './support/upstream';

test.use({ actionTimeout: 20_000 });
let up: Upstream | undefined;
test.afterEach(async () => {
  await up?.close();
  up = undefined;
});

/** The organiser adds a staff-only door to the demo event (the admin API, as the console does). */
async function addStaffRoom(upstream: Upstream): Promise<void> {
  const bundle = (await (await upstream.admin(`/v1/admin/events/${EVENT_ID}`)).json()) as { checkpoints: Record<string, unknown>[] };
  bundle.checkpoints.push({ id: 'staff-room', eventId: EVENT_ID, name: { ko: '스태프 대기실', en: 'Staff room' }, rule: 'unlimited', mode: 'entry', categories: ['staff'] });
  const saved = await fetch(`${upstream.url}/v1/admin/events`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(bundle) });
  expect(saved.status).toBe(200);
}

/** Setup: this door, in self-service or not (a PIN is asked for only if the kiosk has none). */
async function atDoor(page: Page, checkpointId: string, self: boolean): Promise<void> {
  await page.getByTestId('open-setup').click();
  const toggle = page.getByTestId('self-service-toggle').locator('input');
  if (self) await toggle.check();
  else await toggle.uncheck();
  await page.locator(`[data-checkpoint="${checkpointId}"]`).click();
  if (!self) {
    await expect(page.getByTestId('scan-prompt')).toBeVisible();
    return;
  }
  // Picking the door first asks IndexedDB whether a PIN is set: a read of isVisible()
  // right after the click ran before that answer and never saw the PIN pad.
  const gate = page.getByTestId('staff-gate');
  const attract = page.getByTestId('self-attract');
  await expect(gate.or(attract)).toBeVisible();
  if (await gate.isVisible()) {
    for (const mode of ['set', 'confirm']) {
      await expect(gate).toHaveAttribute('data-mode', mode);
      for (const d of DEMO_STAFF_PIN) await page.getByTestId(`pin-key-${d}`).click();
      await page.getByTestId('pin-ok').click();
    }
  }
  await expect(attract).toBeVisible();
}

/** Leaves self-service behind the staff PIN (back to the desk's scan screen). */
async function leaveSelf(page: Page): Promise<void> {
  await page.getByTestId('self-staff').click();
  for (const d of DEMO_STAFF_PIN) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
}

/** Self-service: whether home offers a walk-in, and whether "nobody found" does. */
async function selfOffers(page: Page): Promise<{ home: number; none: number }> {
  await page.getByTestId('self-start').click();
  await expect(page.getByTestId('self-session')).toHaveAttribute('data-step', 'home');
  const home = await page.getByTestId('self-walkin-open').count();
  await page.getByTestId('self-by-name').click();
  await tapHangul(page, '윤하늘'); // nobody of the roster
  await page.getByTestId('self-lookup-next').click();
  await tapHangul(page, '새봄상사');
  await page.getByTestId('self-lookup-next').click();
  await expect(page.getByTestId('self-none')).toBeVisible();
  const none = await page.getByTestId('self-none-walkin').count();
  const session = page.getByTestId('self-session');
  for (let i = 0; i < 4 && (await session.getAttribute('data-step')) !== 'home'; i++) await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('self-done').click(); // the session ends: back to the attract screen
  await expect(page.getByTestId('self-attract')).toBeVisible();
  return { home, none };
}

test('a staff-only door offers no walk-in, at the desk or in self-service; the information desk does', async ({ browser }) => {
  test.setTimeout(180_000);
  up = await startUpstream();
  await addStaffRoom(up);
  const { context, page } = await newKiosk(browser);
  try {
    await pairByUrl(page, up.url, await up.pairingLink('staff-room'));
    await expect(page.getByTestId('checkpoint-name')).toHaveText('스태프 대기실');
    // The door works as a desk (a visitor is turned away), but offers no registration.
    await expect(await scanRead(page, demoTicket(0).code)).toHaveAttribute('data-reason', 'wrong_checkpoint');
    await expect(page.getByTestId('open-walkin')).toHaveCount(0);

    // The same kiosk at the information desk offers it (the button is not gone for good).
    await atDoor(page, 'info-desk', false);
    await expect(page.getByTestId('open-walkin')).toBeVisible();

    // Self-service at the information desk: offered on home and when nobody is found.
    await atDoor(page, 'info-desk', true);
    expect(await selfOffers(page)).toEqual({ home: 1, none: 1 });
    await leaveSelf(page);

    // Self-service at the staff room: neither.
    await atDoor(page, 'staff-room', true);
    expect(await selfOffers(page)).toEqual({ home: 0, none: 0 });
  } finally {
    await context.close();
  }
});
