// The organiser's live dashboard (/dashboard) in real Chromium against a real
// server on loopback: it asks for the admin token (or takes ?token= and drops it
// from the address bar), keeps it in sessionStorage, lists every desk with its
// last contact and outbox depth, shows today's totals, and refreshes itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoCode } from '../../core/demo/roster';
import { newCheckInId } from '../../core/ids';
import { dayKey, isoWithOffset } from '../../core/time';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { seedDemo } from '../../server/demo';
import { createPairingCode } from '../../server/repo/devices';

const ADMIN = 'dashboard-admin-token-0123456789';

test('the dashboard shows every desk and today’s totals, and refreshes itself', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'turnout-dash-'));
  const db = await openDatabase({ sqlitePath: join(dir, 'db.sqlite') });
  // Scans of the last minutes: the dashboard shows the server's today, whatever the event's days.
  const today = Date.now();
  const app = await buildApp({
    db: db.db,
    config: loadConfig({}, { adminToken: ADMIN, logLevel: 'silent', rateLimit: false, kioskDir: join(dir, 'none') }),
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const eventId = (await seedDemo(db.db, 50))!;
    const desk = async (name: string) => {
      const { code } = await createPairingCode(db.db, eventId, 'info-desk', 60_000);
      const res = await fetch(`${base}/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
      return (await res.json()) as { deviceId: string; token: string };
    };
    const a = await desk('안내 데스크 1');
    const b = await desk('안내 데스크 2'); // paired, no heartbeat yet: outbox unknown
    const post = (token: string, path: string, body: unknown) =>
      fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const scanAt = (i: number) => ({ id: newCheckInId(), code: demoCode(i), checkpointId: 'info-desk', direction: 'entry', verdict: 'accepted', scannedAt: isoWithOffset(today - 1000 * (10 - i), 'Asia/Seoul') });
    expect((await post(a.token, '/v1/sync/checkins', { items: [scanAt(0), scanAt(1), scanAt(0)] })).status).toBe(200);
    expect((await post(a.token, '/v1/sync/heartbeat', { outboxDepth: 7, appVersion: 'turnout-kiosk/test', clock: new Date().toISOString(), lastSyncAt: new Date().toISOString() })).status).toBe(200);

    // A wrong token is refused and the form asks again.
    await page.goto(`${base}/dashboard`);
    await expect(page.locator('#login')).toBeVisible();
    await page.fill('#token', 'wrong');
    await page.click('#login button');
    await expect(page.locator('#login-error')).toContainText('Token refused');

    await page.goto(`${base}/dashboard?token=${ADMIN}`);
    await expect(page).toHaveURL(`${base}/dashboard`);
    expect(await page.evaluate(() => sessionStorage.getItem('turnout.adminToken'))).toBe(ADMIN);
    const rowA = page.locator(`tr[data-device="${a.deviceId}"]`);
    await expect(rowA).toHaveAttribute('data-health', 'alive');
    await expect(rowA).toHaveAttribute('data-outbox', '7');
    await expect(rowA).toContainText('안내 데스크 1');
    await expect(page.locator('#devices tbody tr')).toHaveCount(2);
    await expect(page.locator(`tr[data-device="${b.deviceId}"]`)).toHaveAttribute('data-outbox', '');
    const event = page.locator(`[data-event="${eventId}"]`);
    await expect(event).toHaveAttribute('data-day', dayKey(Date.now(), 'Asia/Seoul'));
    await expect(event.locator('[data-total="scans"] b')).toHaveText('3');
    await expect(event.locator('[data-total="people"] b')).toHaveText('2');

    // More scans arrive: the page picks them up on its own within a refresh.
    expect((await post(a.token, '/v1/sync/checkins', { items: [scanAt(2), scanAt(3)] })).status).toBe(200);
    await expect(event.locator('[data-total="scans"] b')).toHaveText('5', { timeout: 12_000 });
    await expect(event.locator('[data-total="people"] b')).toHaveText('4');

    // The token survives a reload (sessionStorage), and can be forgotten.
    await page.reload();
    await expect(rowA).toBeVisible();
    await page.click('#logout');
    await expect(page.locator('#login')).toBeVisible();
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
