// Self-service with badge printing on (issue 13: "printing is the check-in"), in
// real Chromium with the shell bridge and a stand-in printer: an attendee's scan
// prints one badge; scanning again prints none and says the badge was issued, with
// no staff-only "Reprint" button on the attendee's screen; a failed print shows the
// attendee a retry that prints it; one left failed is counted (never named) on
// the attract screen for staff. Each badge line passes axe and the 44 px check.
import { expect, test } from '@playwright/test';
import { fail, ok, type PrintBadgeInput, type PrintOutcome, type Result } from '../../core/kiosk-api';
import { installShellBridge, type ShellBridge } from '../support/shell-bridge';
import { expectAccessible } from './support/axe';
import { admissibleCodes, scannerType, verdict } from './support/kiosk';
import { openSelfServiceWithPrinter } from './support/self';

let bridge: ShellBridge | undefined;
test.afterEach(async () => {
  await bridge?.close().catch(() => undefined);
  bridge = undefined;
});

test('self-service prints one badge per admission, never offers the staff reprint, and lets the attendee retry a failed one', async ({ page, context, baseURL }) => {
  const prints: PrintBadgeInput[] = [];
  const answers: Result<PrintOutcome>[] = [];
  bridge = await installShellBridge(context, new URL(baseURL!).origin, undefined, {
    listPrinters: async () => [{ name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: '' }],
    printBadge: async (input) => {
      prints.push(input);
      return answers.shift() ?? ok({ printerName: input.printerName ?? null });
    },
  });
  await openSelfServiceWithPrinter(page, 'Brother_QL_820NWB');
  const [mine, other] = admissibleCodes(2);

  // The attendee scans at the attract screen: admitted, one badge.
  await scannerType(page, mine!);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'printed');
  expect(prints).toHaveLength(1);
  await page.getByTestId('self-done').click();
  await expect(page.getByTestId('self-attract')).toBeVisible();

  // Again (the information desk admits any number of times): no second badge, and no staff button.
  await scannerType(page, mine!);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'issued');
  await expect(page.getByTestId('badge-status')).toContainText('Badge already issued');
  await expect(page.getByTestId('badge-reprint')).toHaveCount(0);
  expect(prints).toHaveLength(1);
  await expectAccessible(page, 'self: verdict, badge already issued');
  await page.getByTestId('self-done').click();

  // The printer fails for the next person: they see it and may retry.
  answers.push(fail('print_failed', 'Printing failed: Print job failed'));
  await scannerType(page, other!);
  await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'failed');
  await expectAccessible(page, 'self: verdict, badge not printed, retry');
  await page.getByTestId('badge-retry').click();
  await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'printed');
  expect(prints).toHaveLength(3);
  expect(prints[2]!.html).toBe(prints[1]!.html);
  await page.getByTestId('self-done').click();
  await expect(page.getByTestId('self-badge-notice')).toHaveCount(0);

  // A failure nobody retried (the attendee walked away): the attract screen says how many, never whose.
  answers.push(fail('print_failed', 'Printing failed: Print job failed'));
  const [third] = admissibleCodes(1, 40);
  await scannerType(page, third!);
  await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'failed');
  const name = (await page.getByTestId('verdict-name').textContent())!;
  await page.getByTestId('self-done').click();
  const notice = page.getByTestId('self-badge-notice');
  await expect(notice).toHaveAttribute('data-count', '1');
  await expect(notice).toContainText('인쇄 안 된 배지 1장');
  await expect(notice).toContainText('Badges not printed: 1');
  expect(await page.content()).not.toContain(name);
  await expectAccessible(page, 'self: attract with the badges-not-printed notice');
  await page.screenshot({ path: test.info().outputPath('self-badge-notice.png') });
});
