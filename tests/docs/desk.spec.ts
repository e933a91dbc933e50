// Screenshots of the desk workflow for docs/ (`npm run screenshots`): the recent
// strip beside a verdict, the override dialog (authorise, then the reason), and
// the undo dialog. Writes into the tree: not part of `npm test`. Look at them.
import { expect, test, type Page } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { DEMO_STAFF_PIN } from '../../server/demo';
import { admissibleCodes } from '../e2e/support/kiosk';
import { newKiosk, pairByUrl, scanRead } from '../e2e/support/sync';
import { startUpstream } from '../e2e/support/upstream';

async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}

test('docs screenshots: recent strip, override, undo', async ({ browser }) => {
  test.setTimeout(180_000);
  const up = await startUpstream();
  const { context, page } = await newKiosk(browser);
  try {
    await pairByUrl(page, up.url, await up.pairingLink('ceremony'));
    for (const code of admissibleCodes(3, 40)) await scanRead(page, code);
    await up.stop(); // the last scans wait in the outbox: pending marks beside sent ones
    await scanRead(page, demoTicket(0).code);
    await scanRead(page, demoTicket(3).code);
    const last = await scanRead(page, demoTicket(0).code);
    await expect(page.getByTestId('recent-item').first()).toHaveAttribute('data-checkin-id', (await last.getAttribute('data-checkin-id'))!);
    await page.screenshot({ path: 'docs/desk-recent.png' });

    await page.getByTestId('override-open').click();
    for (const d of DEMO_STAFF_PIN.slice(0, 3)) await page.getByTestId(`pin-key-${d}`).click();
    await page.screenshot({ path: 'docs/desk-override-pin.png' });
    await page.getByTestId('pin-clear').click();
    await typePin(page, DEMO_STAFF_PIN);
    await page.getByTestId('override-reason-organiser_approved').click();
    await page.getByTestId('override-note').fill('주최측 김과장 전화 승인');
    await page.screenshot({ path: 'docs/desk-override-reason.png' });
    await page.getByTestId('override-confirm').click();
    await expect(page.locator('[data-override="true"]')).toBeVisible();
    await page.screenshot({ path: 'docs/desk-override-admitted.png' });

    await page.getByTestId('recent-undo').nth(1).click();
    await page.getByTestId('undo-reason-wrong_person').click();
    await page.screenshot({ path: 'docs/desk-undo.png' });
  } finally {
    await context.close();
    await up.close();
  }
});
