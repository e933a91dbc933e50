// Screenshots of the organiser console for README (`npm run screenshots`):
// reports on the demo's busiest day, desks, the event editor, the roster page
// (a ticket looked up, with its history), a pairing sheet on screen and as
// printed, and what a viewer (read-only) sees, against a real server seeded like
// the console e2e tests. Korean UI.
import { expect, test } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { login, seedDemoScans, startConsoleServer, VIEWER } from '../e2e/support/console';

test('docs screenshots: organiser console', async ({ page }) => {
  const s = await startConsoleServer();
  try {
    const demo = await seedDemoScans(s);
    await page.setViewportSize({ width: 1280, height: 900 });
    await login(page, s.base, undefined, 'ko');
    await expect(page.getByTestId('conflicts')).toBeVisible();
    await page.screenshot({ path: 'docs/console-reports.png', fullPage: true });

    await page.getByTestId('nav-devices').click();
    await expect(page.locator('[data-testid="devices"] tbody tr')).toHaveCount(3);
    await page.screenshot({ path: 'docs/console-devices.png' });

    await page.getByTestId('nav-events').click();
    await page.locator('[data-testid="checkpoints"] > details[data-checkpoint="hall-a"] summary').click();
    await page.locator('[data-checkpoint="hall-a"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/console-events.png' });

    // The roster: upload (admins) and a ticket looked up by name, with its check-ins.
    await page.getByTestId('nav-roster').click();
    const ticket = demoTicket(105);
    expect(ticket.code).toBe(demo.conflictCode);
    await page.getByTestId('lookup-q').fill(ticket.name);
    await page.getByTestId('lookup-go').click();
    await page.getByTestId('lookup-results').locator(`[data-code="${ticket.code}"]`).click();
    await expect(page.getByTestId('ticket-history')).toBeVisible();
    await page.screenshot({ path: 'docs/console-roster.png', fullPage: true });

    await page.getByTestId('nav-pairing').click();
    await page.getByTestId('pair-sheet-link').click();
    for (const input of await page.locator('[data-testid^="sheet-count-"]').all()) await input.fill('0');
    await page.getByTestId('sheet-count-hall-a').fill('2');
    await page.getByTestId('sheet-count-ceremony').fill('2');
    await page.getByTestId('sheet-make').click();
    await expect(page.getByTestId('sheet-card')).toHaveCount(4);
    await page.screenshot({ path: 'docs/console-pairing.png' });
    // The sheet as it prints (the console's print stylesheet: cards only, no shell).
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'docs/console-pairing-sheet.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // A viewer: the same reports, read-only (no upload, no editing, no pairing codes).
    const viewer = await page.context().browser()!.newPage({ viewport: { width: 1280, height: 900 } });
    await login(viewer, s.base, VIEWER, 'ko');
    await expect(viewer.getByTestId('role')).toHaveText('보기 전용');
    await viewer.getByTestId('nav-roster').click();
    await expect(viewer.getByTestId('roster-page')).toBeVisible();
    await expect(viewer.getByTestId('roster-upload')).toHaveCount(0);
    await viewer.getByTestId('lookup-q').fill(ticket.name);
    await viewer.getByTestId('lookup-go').click();
    await viewer.getByTestId('lookup-results').locator(`[data-code="${ticket.code}"]`).click();
    await expect(viewer.getByTestId('ticket-history')).toBeVisible();
    await expect(viewer.getByTestId('ticket-block')).toHaveCount(0);
    await viewer.screenshot({ path: 'docs/console-viewer.png', fullPage: true });
    await viewer.close();
  } finally {
    await s.close();
  }
});
