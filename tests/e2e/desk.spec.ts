// The desk workflow in real Chromium against the real upstream: an override with
// a reason (staff PIN, or a staff card scanned instead) admits a refused scan and
// reaches the organiser's export and tallies; undo on one desk reverses a `once`
// admission on another desk once both synced; and the recent strip's marks move
// from pending to sent when the server comes back.
import { expect, test, type Page } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import type { TalliesResponse } from '../../core/protocol';
import { DEMO_STAFF_PIN } from '../../server/demo';
import { scannerType } from './support/kiosk';
import { expectAllOnServer, expectDrained, localCheckins, newKiosk, pairByUrl, scanRead } from './support/sync';
import { EVENT_ID, startUpstream, type Upstream } from './support/upstream';

let up: Upstream | undefined;
test.afterEach(async () => {
  await up?.close();
  up = undefined;
});

async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}

/** This kiosk's staff screen totals for the day it shows (behind the event's PIN), all desks as far as synced. */
async function staffTotals(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('open-staff').click();
  await typePin(page, DEMO_STAFF_PIN);
  const screen = page.locator('[data-testid="staff-screen"][data-scope="all"][data-loading="false"]');
  await page.getByTestId('staff-refresh').click();
  await expect(screen.getByTestId('staff-totals')).toBeVisible({ timeout: 30_000 });
  const totals = await screen.locator('[data-total]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-total')!, e.getAttribute('data-value')!])));
  await page.getByTestId('staff-close').click();
  await expect(page.getByTestId('open-search')).toBeVisible();
  return totals;
}

/** A valid staff badge of the demo roster (within the first `within` tickets the server seeds). */
function staffCard(within: number): string {
  for (let i = 5; i < within; i++) {
    const t = demoTicket(i);
    if (t.category === 'staff' && t.status === 'valid') return t.code;
  }
  throw new Error('no staff ticket in the demo roster');
}

test('override with a reason: staff PIN or staff card, then the admission is in the export and counted apart', async ({ browser }) => {
  test.setTimeout(150_000);
  up = await startUpstream();
  const { context, page } = await newKiosk(browser);
  try {
    await pairByUrl(page, up.url, await up.pairingLink('ceremony'));
    const kim = demoTicket(0);
    const shown = [(await (await scanRead(page, kim.code)).getAttribute('data-checkin-id'))!];
    const refused = await scanRead(page, kim.code);
    await expect(refused).toHaveAttribute('data-reason', 'already_checked_in');
    shown.push((await refused.getAttribute('data-checkin-id'))!);

    // The PIN path: a wrong PIN first, then the event's PIN, a reason and a note.
    await page.getByTestId('override-open').click();
    const dialog = page.getByTestId('override-dialog');
    await expect(dialog).toHaveAttribute('data-step', 'authorise');
    await typePin(page, '1357');
    await expect(page.getByTestId('override-message')).toHaveAttribute('data-kind', 'wrong');
    await typePin(page, DEMO_STAFF_PIN);
    await expect(dialog).toHaveAttribute('data-step', 'reason');
    await page.getByTestId('override-reason-other').click();
    await expect(page.getByTestId('override-confirm')).toBeDisabled(); // "other" needs words
    await page.getByTestId('override-note').fill('주최측 김과장 승인 (전화)');
    await page.getByTestId('override-confirm').click();
    const admitted = page.locator('[data-verdict="accepted"][data-override="true"]');
    await expect(admitted).toBeVisible();
    await expect(page.getByTestId('verdict-override')).toContainText('직원 예외 승인');
    shown.push((await admitted.getAttribute('data-checkin-id'))!);

    // The staff card path: a visitor's code is refused as a card, a staff badge authorises.
    const again = await scanRead(page, kim.code);
    shown.push((await again.getAttribute('data-checkin-id'))!);
    await page.getByTestId('override-open').click();
    await scannerType(page, demoTicket(1).code);
    await expect(page.getByTestId('override-message')).toHaveAttribute('data-kind', 'not_staff');
    const card = staffCard(500);
    // Scanned again after a misread (a burst split by a stalled test machine), as staff would.
    for (let attempt = 1; ; attempt++) {
      await scannerType(page, card);
      try {
        await expect(page.getByTestId('override-by')).toHaveAttribute('data-by', `staff-card:${card}`, { timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    await page.getByTestId('override-reason-vip_guest').click();
    await page.getByTestId('override-confirm').click();
    await expect(page.locator('[data-verdict="accepted"][data-override="true"]')).not.toHaveAttribute('data-checkin-id', shown.at(-2)!);
    shown.push((await page.locator('[data-verdict="accepted"][data-override="true"]').getAttribute('data-checkin-id'))!);
    // Neither scan of the card became a check-in of its own.
    expect((await localCheckins(page)).filter((c) => c.code === card || c.code === demoTicket(1).code)).toEqual([]);

    await expectDrained(page);
    const rows = (await up.exportCsv()).filter((r) => r.code === kim.code);
    const overrides = rows.filter((r) => r.override_by !== '');
    expect(overrides.map((r) => [r.id, r.verdict, r.reason, r.override_by, r.override_reason])).toEqual([
      [shown[2], 'accepted', 'already_checked_in', 'staff-pin', 'other: 주최측 김과장 승인 (전화)'],
      [shown[4], 'accepted', 'already_checked_in', `staff-card:${card}`, 'vip_guest'],
    ]);
    const res = await up.admin(`/v1/admin/events/${EVENT_ID}/tallies?day=2025-09-10`);
    const tallies = (await res.json()) as TalliesResponse;
    expect(tallies.overrides).toBe(2);
    // The desk's own staff screen counts them apart too: 3 admissions, of which 2 by override.
    expect(await staffTotals(page)).toMatchObject({ accepted: '3', overrides: '2', people: '1' });
    await expectAllOnServer(up, [page], shown);
  } finally {
    await context.close();
  }
});

test('undo on one desk reverses a once admission on another desk after both synced', async ({ browser }) => {
  test.setTimeout(180_000);
  up = await startUpstream();
  const a = await newKiosk(browser);
  const b = await newKiosk(browser);
  try {
    await pairByUrl(a.page, up.url, await up.pairingLink('ceremony'));
    await pairByUrl(b.page, up.url, await up.pairingLink('ceremony'));
    const kim = demoTicket(0);
    const first = (await (await scanRead(a.page, kim.code)).getAttribute('data-checkin-id'))!;
    await expectDrained(a.page);
    // Desk B learns of it and refuses the ticket.
    await expect.poll(async () => (await localCheckins(b.page)).some((c) => c.id === first), { timeout: 60_000 }).toBe(true);
    const refused = await scanRead(b.page, kim.code);
    await expect(refused).toHaveAttribute('data-reason', 'already_checked_in');

    // Desk A: that was the wrong 김철현. Undo from the recent strip.
    const item = a.page.locator(`[data-testid="recent-item"][data-checkin-id="${first}"]`);
    await item.getByTestId('recent-undo').click();
    await a.page.getByTestId('undo-reason-wrong_person').click();
    await a.page.getByTestId('undo-confirm').click();
    await expect(a.page.getByTestId('undo-done')).toBeVisible();
    await expect(item).toHaveAttribute('data-voided', 'true');
    await expect(item.getByTestId('recent-undo')).toHaveCount(0);
    await expect(item).toHaveAttribute('data-void-sync', 'sent', { timeout: 60_000 });
    await expectDrained(a.page);
    // On desk A the undone admission counts only as voided: nobody admitted, nobody in.
    expect(await staffTotals(a.page)).toMatchObject({ accepted: '0', people: '0', voided: '1' });

    // Desk B pulls the void; the ticket is admitted there now, and upstream that is no conflict.
    await b.page.evaluate(() => window.dispatchEvent(new Event('online')));
    const voidPulled = async () =>
      b.page.evaluate(
        (id) =>
          new Promise<boolean>((resolve, reject) => {
            const req = indexedDB.open('turnout');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const get = req.result.transaction('voids').objectStore('voids').get(id);
              get.onsuccess = () => {
                resolve(get.result !== undefined);
                req.result.close();
              };
            };
          }),
        first,
      );
    await expect.poll(voidPulled, { timeout: 60_000 }).toBe(true);
    const admitted = await scanRead(b.page, kim.code);
    await expect(admitted).toHaveAttribute('data-verdict', 'accepted');
    const second = (await admitted.getAttribute('data-checkin-id'))!;
    await expectDrained(b.page);
    const server = new Map((await up.checkins()).map((r) => [r.id, r.status]));
    expect(server.get(second)).toBe('stored');
    // Desk B's tallies: one person admitted once (its own), the voided one apart.
    expect(await staffTotals(b.page)).toMatchObject({ accepted: '1', people: '1', voided: '1' });
    const exported = (await up.exportCsv()).find((r) => r.id === first)!;
    expect(exported.void_reason).toBe('wrong_person');
    expect(exported.voided_at).toMatch(/^2025-09-10T/);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('recent strip: the last scans with verdict and time, marks moving from pending to sent', async ({ browser }) => {
  test.setTimeout(150_000);
  up = await startUpstream();
  const { context, page } = await newKiosk(browser);
  try {
    await pairByUrl(page, up.url, await up.pairingLink('info-desk'));
    await up.stop();
    const codes = [demoTicket(0).code, demoTicket(3).code, demoTicket(1).code];
    const ids: string[] = [];
    for (const code of codes) ids.push((await (await scanRead(page, code)).getAttribute('data-checkin-id'))!);
    const items = page.getByTestId('recent-item');
    // Newest first, each with its verdict, and nothing sent yet.
    await expect(items).toHaveCount(3);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-checkin-id')))).toEqual([...ids].reverse());
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-recent-verdict')))).toEqual(['accepted', 'rejected', 'accepted']);
    await expect(items.nth(1)).toContainText('취소된 티켓');
    await expect(items.first()).toContainText('Jane Doe');
    for (const i of [0, 1, 2]) await expect(items.nth(i)).toHaveAttribute('data-sync', 'pending');

    await up.start();
    await expectDrained(page);
    for (const i of [0, 1, 2]) await expect(items.nth(i)).toHaveAttribute('data-sync', 'sent');
    await expect(items.first().getByTestId('recent-mark')).toContainText('전송됨');
    // Only admissions may be undone.
    await expect(items.nth(1).getByTestId('recent-undo')).toHaveCount(0);
    await expect(items.first().getByTestId('recent-undo')).toBeVisible();
    await expectAllOnServer(up, [page], ids);
  } finally {
    await context.close();
  }
});
