// The organiser console's door in real Chromium against a real server: a wrong
// token is refused at the login form; the right one gives a session cookie the
// page cannot read (HttpOnly) and no token in any URL; writes without the CSRF
// token are refused by the server; a viewer sees no write control and the
// server refuses the viewer's writes; old /dashboard?token= links no longer log
// in; Korean and English switch; logging out ends the session.
import { expect, test } from '@playwright/test';
import { ADMIN, EVENT_ID, login, startConsoleServer, VIEWER, type ConsoleServer } from './support/console';

let s: ConsoleServer;
test.beforeAll(async () => {
  s = await startConsoleServer();
});
test.afterAll(async () => {
  await s.close();
});

test('a wrong token is refused; the right one opens the console with an HttpOnly cookie and no token in the URL', async ({ page, context }) => {
  await page.goto(`${s.base}/admin/`);
  await page.getByTestId('lang-en').click();
  await page.locator('#token').fill('definitely-not-the-token');
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await expect(page.getByTestId('login-error')).toHaveText('This token was refused. Check it and try again.');
  expect(await context.cookies()).toEqual([]);

  await page.locator('#token').fill(ADMIN);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await expect(page.getByTestId('role')).toHaveText('Administrator');
  await expect(page.locator('#token')).toHaveCount(0);
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'turnout_console', httpOnly: true, sameSite: 'Strict', secure: false });
  expect(cookie!.value).not.toContain(ADMIN);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(page.url()).not.toContain(ADMIN);

  // The session survives a reload (the cookie), without asking for the token again.
  await page.reload();
  await expect(page.getByTestId('role')).toHaveText('Administrator');
});

test('the server refuses a write made with the cookie but without the CSRF token', async ({ page }) => {
  await login(page, s.base);
  const statuses = await page.evaluate(async (eventId) => {
    const body = JSON.stringify({ status: 'revoked' });
    const headers = { 'content-type': 'application/json' };
    const url = `/v1/admin/events/${eventId}/tickets/does-not-matter`;
    const none = await fetch(url, { method: 'PATCH', body, headers });
    const wrong = await fetch(url, { method: 'PATCH', body, headers: { ...headers, 'x-csrf-token': 'guessed' } });
    const { csrf } = (await (await fetch('/admin/api/session')).json()) as { csrf: string };
    const right = await fetch(url, { method: 'PATCH', body, headers: { ...headers, 'x-csrf-token': csrf } });
    return [none.status, (await none.json()).error.code, wrong.status, right.status];
  }, EVENT_ID);
  // With the token the request gets through to the route (404: no such ticket).
  expect(statuses).toEqual([403, 'csrf', 403, 404]);
});

test('a viewer watches but cannot change: no write controls, and the server says 403', async ({ page }) => {
  await login(page, s.base, VIEWER);
  await expect(page.getByTestId('role')).toHaveText('Viewer (read-only)');
  await page.getByTestId('nav-events').click();
  await expect(page.getByTestId('event-editor')).toBeVisible();
  await expect(page.getByTestId('save-event')).toHaveCount(0);
  await expect(page.getByTestId('new-event')).toHaveCount(0);
  await expect(page.getByTestId('f-event.name.ko')).toBeDisabled();
  await expect(page.getByTestId('add-checkpoint')).toBeDisabled();
  await page.getByTestId('nav-roster').click();
  await expect(page.getByTestId('lookup-q')).toBeVisible();
  await expect(page.getByTestId('roster-upload')).toHaveCount(0);
  await page.getByTestId('nav-pairing').click();
  await expect(page.getByTestId('read-only-note')).toBeVisible();
  await expect(page.getByTestId('pair-make')).toHaveCount(0);
  await page.getByTestId('nav-devices').click();
  await expect(page.getByTestId('devices')).toBeVisible();
  await expect(page.getByTestId('device-revoke')).toHaveCount(0);

  // A viewer who crafts the request anyway, CSRF token and all, is refused by the server.
  const res = await page.evaluate(async () => {
    const { csrf } = (await (await fetch('/admin/api/session')).json()) as { csrf: string };
    const r = await fetch('/v1/admin/events/icw2025/pairing-codes', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: '{}' });
    return [r.status, (await r.json()).error.code];
  });
  expect(res).toEqual([403, 'read_only']);
});

test('old /dashboard?token= links land on the login form and do not log in', async ({ page, context }) => {
  await page.goto(`${s.base}/dashboard?token=${ADMIN}`);
  await expect(page.getByTestId('login-form')).toBeVisible();
  expect(page.url()).toBe(`${s.base}/admin/#/devices`);
  expect(await context.cookies()).toEqual([]);
});

test('Korean and English switch, and logging out ends the session', async ({ page }) => {
  await login(page, s.base, ADMIN, 'ko');
  await expect(page.getByTestId('nav-reports')).toHaveText('보고서');
  await expect(page.getByTestId('logout')).toHaveText('로그아웃');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-reports')).toHaveText('Reports');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('nav-devices')).toHaveText('Desks');
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  const status = await page.evaluate(async () => (await fetch('/v1/admin/events')).status);
  expect(status).toBe(401);
});
