// Issuing in the console (Tickets / 발급): an admin issues 3 signed tickets of a
// category; the A4 sheet downloads as a PDF and the mail-merge CSV holds the 3;
// a shown QR, read from the screen's pixels by jsQR, is a TO1: code the
// server's online decide admits at a desk. Rotating the key lists a new
// current one; retiring the old one makes its codes refused. Names typed one
// per line issue a named ticket each (in Korean). Revoking a ticket
// from the lookup (after its confirm) is what the API then reports. A viewer
// sees the keys but no write control.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { newCheckInId } from '../../core/ids';
import { ADMIN, decodeQr, EVENT_ID, login, startConsoleServer, VIEWER, type ConsoleServer } from './support/console';

let s: ConsoleServer;
test.beforeAll(async () => {
  s = await startConsoleServer(20);
});
test.afterAll(async () => {
  await s.close();
});

const api = (path: string) => fetch(s.base + path, { headers: { authorization: `Bearer ${ADMIN}` } });

test('issue 3 tickets: sheet PDF and CSV download, a shown QR is a TO1: code the desk admits; rotate lists a new current key, retiring the old one refuses its codes', async ({ page }) => {
  await login(page, s.base);
  await page.getByTestId('nav-issuing').click();
  await page.getByTestId('issue-count').fill('3');
  await page.getByTestId('issue-category').selectOption('buyer');
  await expect(page.getByTestId('issue-go')).toHaveText('Issue 3 tickets');
  await page.getByTestId('issue-go').click();
  await expect(page.getByTestId('issue-summary')).toHaveText('3 tickets issued.');
  const shown = page.getByTestId('issued-ticket');
  await expect(shown).toHaveCount(3);
  await expect(shown.first()).toContainText('Buyer');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issue-sheet').click()]);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issue-csv').click()]);
  const lines = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines.slice(1)).toHaveLength(3); // a header and the 3 tickets

  const code = await decodeQr(page, '[data-testid="issued-ticket"]:nth-child(2) img');
  expect(code).toMatch(/^TO1:/);
  await expect(shown.nth(1)).toHaveAttribute('data-code', code!);
  expect(lines.some((l) => l.includes(code!))).toBe(true);
  const desk = await s.desk('Issuing desk', 'info-desk');
  const decided = await s.post(desk.token, '/v1/sync/decide', { id: newCheckInId(), code, checkpointId: 'info-desk' });
  expect(await decided.json()).toMatchObject({ verdict: 'accepted', ticket: { code, category: 'buyer' } });

  // The key that signed them is current; rotating (confirmed) makes another current and keeps it verifying.
  const keys = page.locator('[data-testid="key-list"] tbody tr[data-key]');
  await expect(keys).toHaveCount(1);
  const first = await keys.first().getAttribute('data-key');
  await expect(keys.first()).toHaveAttribute('data-status', 'active');
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('key-rotate').click();
  await expect(keys).toHaveCount(2);
  await expect(page.locator(`tr[data-key="${first}"]`)).toHaveAttribute('data-status', 'verify');
  const current = page.locator('[data-testid="key-list"] tr[data-status="active"]');
  await expect(current).toHaveCount(1);
  expect(await current.getAttribute('data-key')).not.toBe(first);
  await expect(page.getByTestId('key-message')).toContainText(`Key ${await current.getAttribute('data-key')} signs new tickets`);
  await expect(page.getByTestId(`key-retire-${first}`)).toBeVisible();
  // docs/console-issuing.png was taken here; a test run must not rewrite tracked files
  // (the timestamps differ each run), so it goes to the test's output folder.
  await page.screenshot({ path: test.info().outputPath('console-issuing.png'), fullPage: true });

  // Retiring the old key (confirmed): listed as retired, and the code it signed is refused from then on.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await page.getByTestId(`key-retire-${first}`).click();
  await expect(page.locator(`tr[data-key="${first}"]`)).toHaveAttribute('data-status', 'retired');
  expect(asked).toContain(`Retire key ${first}?`);
  await expect(page.getByTestId('key-message')).toHaveText(`Key ${first} retired.`);
  await expect(page.locator('[data-testid^="key-retire-"]')).toHaveCount(0);
  const again = await s.post(desk.token, '/v1/sync/decide', { id: newCheckInId(), code, checkpointId: 'info-desk' });
  expect(await again.json()).toMatchObject({ verdict: 'rejected', reason: 'invalid_signature' });
});

test('names typed one per line issue one named ticket each, the count following the lines', async ({ page }) => {
  await login(page, s.base, ADMIN, 'ko');
  await page.getByTestId('nav-issuing').click();
  await page.getByTestId('issue-names').fill('김민지\n\n  Alex Kim  \n');
  await expect(page.getByTestId('issue-count')).toHaveValue('2');
  await expect(page.getByTestId('issue-count')).toBeDisabled();
  await page.getByTestId('issue-category').selectOption('speaker');
  await expect(page.getByTestId('issue-go')).toHaveText('티켓 2장 발급');
  await page.getByTestId('issue-go').click();
  await expect(page.getByTestId('issue-summary')).toHaveText('티켓 2장을 발급했습니다.');
  const shown = page.getByTestId('issued-ticket');
  await expect(shown).toHaveCount(2);
  await expect(shown.nth(0)).toContainText('김민지 · 연사');
  await expect(shown.nth(1)).toContainText('Alex Kim · 연사');
  const code = await shown.nth(0).getAttribute('data-code');
  const res = (await (await api(`/v1/admin/events/${EVENT_ID}/tickets/${encodeURIComponent(code!)}`)).json()) as { ticket: { name: string; category: string } };
  expect(res.ticket).toMatchObject({ name: '김민지', category: 'speaker' });

  // A second batch: its files hold these 2 only, not the 3 issued before; the event's
  // whole list sits beside them.
  const rows = async (testid: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    return readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
  };
  const batch = await rows('issue-csv');
  expect(batch).toHaveLength(2);
  expect(batch.join('\n')).toContain('김민지');
  expect((await rows('issue-csv-all')).length).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('issue-result')).toContainText('#4~#5');
});

test('revoke from the ticket lookup after a confirm (dismissed: nothing changes); the API reports it revoked', async ({ page }) => {
  const issued = await s.post(ADMIN, `/v1/admin/events/${EVENT_ID}/tickets/issue`, { count: 1, category: 'press' });
  const { issued: [ticket] } = (await issued.json()) as { issued: { code: string }[] };
  await login(page, s.base);
  await page.getByTestId('nav-roster').click();
  await page.getByTestId('lookup-q').fill(ticket!.code);
  await page.getByTestId('lookup-go').click();
  const detail = page.getByTestId('ticket-detail');
  await expect(detail).toHaveAttribute('data-status', 'valid');

  page.once('dialog', (d) => void d.dismiss());
  await page.getByTestId('ticket-revoke').click();
  await expect(page.getByTestId('ticket-revoke')).toBeVisible();
  expect(((await (await api(`/v1/admin/events/${EVENT_ID}/tickets/${encodeURIComponent(ticket!.code)}`)).json()) as { ticket: { status: string } }).ticket.status).toBe('valid');

  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await page.getByTestId('ticket-revoke').click();
  await expect(detail).toHaveAttribute('data-status', 'revoked');
  expect(asked).toContain(ticket!.code);
  const after = (await (await api(`/v1/admin/events/${EVENT_ID}/tickets/${encodeURIComponent(ticket!.code)}`)).json()) as { ticket: { status: string } };
  expect(after.ticket.status).toBe('revoked');
  // Un-revoking is the lookup's "Make valid again".
  await page.getByTestId('ticket-restore').click();
  await expect(detail).toHaveAttribute('data-status', 'valid');
});

test('a viewer sees the signing keys but no issue form, rotate or retire', async ({ page }) => {
  // Issuing makes the event's first key when it has none, so there is one to list.
  expect((await s.post(ADMIN, `/v1/admin/events/${EVENT_ID}/tickets/issue`, { count: 1 })).status).toBe(200);
  await login(page, s.base, VIEWER, 'ko');
  await expect(page.getByTestId('nav-issuing')).toHaveText('발급');
  await page.getByTestId('nav-issuing').click();
  await expect(page.getByTestId('read-only-note')).toBeVisible();
  await expect(page.locator('[data-testid="key-list"] tbody tr[data-key]').first()).toBeVisible();
  await expect(page.getByTestId('issue-form')).toHaveCount(0);
  await expect(page.getByTestId('key-rotate')).toHaveCount(0);
  await expect(page.locator('[data-testid^="key-retire-"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/console-issuing-viewer-ko.png', fullPage: true });
});
