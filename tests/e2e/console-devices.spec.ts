// Desks in the console: the live list shows each kiosk's last contact, outbox
// depth, version and checkpoint; an admin renames one, moves another to a
// different checkpoint, and revokes a third — whose token the server refuses
// from then on (the kiosk is told `device_revoked` and goes back to pairing).
import { expect, test } from '@playwright/test';
import { ADMIN, login, seedDemoScans, startConsoleServer, type ConsoleServer, type DemoScans } from './support/console';

let s: ConsoleServer;
let demo: DemoScans;
test.beforeAll(async () => {
  s = await startConsoleServer();
  demo = await seedDemoScans(s);
});
test.afterAll(async () => {
  await s.close();
});

test('rename, move and revoke desks; the revoked kiosk is refused by the server', async ({ page }) => {
  const spare = await s.desk('예비 데스크', 'info-desk');
  await login(page, s.base);
  await page.getByTestId('nav-devices').click();
  const hall = page.locator(`tr[data-device="${demo.desks.hall}"]`);
  await expect(hall).toHaveAttribute('data-health', 'alive');
  await expect(hall).toHaveAttribute('data-outbox', '3');
  await expect(hall).toContainText('turnout-kiosk/0.1.0');
  await expect(page.locator('[data-testid="devices"] tbody tr')).toHaveCount(4);

  // Rename.
  page.once('dialog', (d) => void d.accept('Hall A · desk 1'));
  await hall.getByTestId('device-rename').click();
  await expect(hall.getByTestId('device-name')).toHaveText('Hall A · desk 1');

  // Move the info desk to the coffee truck.
  const info = page.locator(`tr[data-device="${demo.desks.info}"]`);
  await info.getByTestId('device-move').selectOption('coffee-truck');
  await expect(page.getByTestId('devices-message')).toContainText('moved to');
  await expect(info).toHaveAttribute('data-checkpoint', 'coffee-truck');

  // Revoke the spare desk; confirm the dialog.
  const row = page.locator(`tr[data-device="${spare.deviceId}"]`);
  await expect(row).toHaveAttribute('data-health', 'alive');
  page.once('dialog', (d) => void d.accept());
  await row.getByTestId('device-revoke').click();
  await expect(row).toHaveAttribute('data-health', 'revoked');
  await expect(row.getByTestId('device-revoke')).toHaveCount(0);

  // The server agrees: names and checkpoint kept, the revoked token refused.
  const list = (await (await fetch(`${s.base}/v1/admin/devices`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as {
    devices: { id: string; name: string; checkpointId: string; revoked: boolean }[];
  };
  expect(list.devices.find((d) => d.id === demo.desks.hall)?.name).toBe('Hall A · desk 1');
  expect(list.devices.find((d) => d.id === demo.desks.info)?.checkpointId).toBe('coffee-truck');
  const refused = await fetch(`${s.base}/v1/sync/config`, { headers: { authorization: `Bearer ${spare.token}` } });
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('device_revoked');
  // The moved desk learns its new checkpoint from its config.
  const cfg = (await (await fetch(`${s.base}/v1/sync/config`, { headers: { authorization: `Bearer ${demo.tokens.info}` } })).json()) as { deviceCheckpointId: string };
  expect(cfg.deviceCheckpointId).toBe('coffee-truck');
});

