// A check-in end to end inside Electron: the demo event, a USB-scanner scan at a
// checkpoint, the verdict, and — after quitting and starting the app again on the
// same data folder — the stored check-in still there under app://kiosk's IndexedDB.
// Uses the same page drivers as the Chromium e2e tests (tests/e2e/support).
// Skipped, with a printed notice, where no Electron binary is installed.
import { demoTicket } from '../../core/demo/roster';
import { openAtCheckpoint, scan } from '../e2e/support/kiosk';
import { expect, requireElectron, test } from './support/electron-app';

requireElectron();

const kim = demoTicket(0); // 김철현: valid everywhere

test('scan, admit, restart, and the once rule still holds', async ({ kiosk }) => {
  await openAtCheckpoint(kiosk.page, 'ceremony', {}, 'app://kiosk');
  const first = await scan(kiosk.page, kim.code);
  await expect(first).toHaveAttribute('data-verdict', 'accepted');
  await expect(first).toHaveAttribute('data-checkin-id', /.+/);
  await expect(kiosk.page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', '1');

  await kiosk.restart();
  await openAtCheckpoint(kiosk.page, 'ceremony', {}, 'app://kiosk');
  await expect(kiosk.page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', '1');
  const again = await scan(kiosk.page, kim.code);
  await expect(again).toHaveAttribute('data-verdict', 'rejected');
  await expect(again).toHaveAttribute('data-reason', 'already_checked_in');
});
