// Docs screenshots of self-service with badge printing (`npm run screenshots`; not
// part of `npm test`, it writes into the tree), at a 1080p kiosk's size: the
// attendee's verdict when the badge did not print (with its retry), and the attract
// screen's strip counting badges nobody retried (never naming whose). For judging
// at two metres: look at them.
import { expect, test } from '@playwright/test';
import { fail, ok, type PrintOutcome, type Result } from '../../core/kiosk-api';
import { installShellBridge, type ShellBridge } from '../support/shell-bridge';
import { admissibleCodes, scannerType } from '../e2e/support/kiosk';
import { openSelfServiceWithPrinter } from '../e2e/support/self';

let bridge: ShellBridge | undefined;
test.afterEach(async () => {
  await bridge?.close().catch(() => undefined);
  bridge = undefined;
});

test('docs screenshots: self-service, a badge not printed and the attract strip counting it', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const answers: Result<PrintOutcome>[] = [fail('print_failed', 'Printing failed: Print job failed'), fail('print_failed', 'Printing failed: Print job failed')];
  bridge = await installShellBridge(context, new URL(baseURL!).origin, undefined, {
    listPrinters: async () => [{ name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: '' }],
    printBadge: async (input) => answers.shift() ?? ok({ printerName: input.printerName ?? null }),
  });
  await openSelfServiceWithPrinter(page, 'Brother_QL_820NWB');

  // Two attendees whose badges failed and who walked away without retrying.
  for (const code of admissibleCodes(2)) {
    await scannerType(page, code);
    await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'failed');
    if (answers.length === 1) await page.screenshot({ path: 'docs/self-badge-failed.png' });
    await page.getByTestId('self-done').click();
    await expect(page.getByTestId('self-attract')).toBeVisible();
  }
  await expect(page.getByTestId('self-badge-notice')).toHaveAttribute('data-count', '2');
  await page.screenshot({ path: 'docs/self-badge-notice.png' });
});
