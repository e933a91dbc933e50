// The help call end to end: a paired kiosk, offline, is pressed for help — the
// screen says the call is saved, not sent; the network returns and the call
// reaches the server; the console's Desks page flags that kiosk with a chime;
// staff clear it and the kiosk's screen goes back to normal. Real server,
// real IndexedDB, the built kiosk and console.
import { expect, test } from '@playwright/test';
import { login } from './support/console';
import { networkBack, newKiosk, pairByUrl } from './support/sync';
import { ADMIN_TOKEN, startUpstream, type Upstream } from './support/upstream';
import type { DevicesResponse } from '../../core/protocol';

let up: Upstream;
test.beforeAll(async () => {
  up = await startUpstream({ tickets: 50 });
});
test.afterAll(async () => {
  await up.close();
});

const helpUpstream = async () => ((await (await up.admin('/v1/admin/devices')).json()) as DevicesResponse).devices.find((d) => d.help)?.help;

test('kiosk calls for help offline → sent when back → console flags it with a sound → staff clear it → kiosk back to normal', async ({ browser }) => {
  const kiosk = await newKiosk(browser);
  await pairByUrl(kiosk.page, up.url, await up.pairingLink('hall-a'));
  const help = kiosk.page.getByTestId('help-call');
  await expect(help).toHaveAttribute('data-help-state', 'none');

  // Offline: the press is kept and the screen says so, in both languages.
  await kiosk.context.setOffline(true);
  await kiosk.page.getByTestId('help-call-button').click();
  await expect(help).toHaveAttribute('data-help-state', 'offline', { timeout: 30_000 });
  await expect(kiosk.page.getByTestId('help-call-state')).toContainText('오프라인');
  await expect(kiosk.page.getByTestId('help-call-state')).toContainText('your call is saved');
  await expect(kiosk.page.getByTestId('live-assertive')).toContainText('오프라인');
  expect(await helpUpstream()).toBeUndefined();

  await networkBack(kiosk.context, kiosk.page);
  await expect(kiosk.page.getByTestId('help-call')).toHaveAttribute('data-help-state', 'sent', { timeout: 60_000 });
  await expect(kiosk.page.getByTestId('help-call-state')).toContainText('Staff have been called');
  const call = await helpUpstream();
  expect(call?.id).toBeTruthy();

  // The console: a chime (counted through AudioContext) and the flag on that desk.
  const staff = await browser.newPage();
  await staff.addInitScript(() => {
    const w = window as unknown as { __tones: number };
    w.__tones = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.__tones++;
      return original.call(this);
    };
  });
  await login(staff, up.url, ADMIN_TOKEN);
  await staff.getByTestId('nav-devices').click();
  const banner = staff.getByTestId('help-calls');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('A kiosk is calling for help');
  const deviceId = (await up.devices())[0]!.id;
  await expect(banner.locator(`[data-device="${deviceId}"]`)).toBeVisible();
  await expect(staff.locator(`tr[data-device="${deviceId}"]`)).toHaveAttribute('data-help', 'open');
  await expect.poll(() => staff.evaluate(() => (window as unknown as { __tones: number }).__tones)).toBeGreaterThan(0);

  // Cleared by staff: gone from the console at once, and from the kiosk on its next pass.
  await banner.getByTestId('help-clear').click();
  await expect(banner).toHaveCount(0);
  await expect(staff.getByTestId('devices-message')).toContainText('cleared');
  await expect(staff.locator(`tr[data-device="${deviceId}"]`)).not.toHaveAttribute('data-help', /.*/);
  expect(await helpUpstream()).toBeUndefined();
  await expect(kiosk.page.getByTestId('help-call')).toHaveAttribute('data-help-state', 'none', { timeout: 40_000 });
  await expect(kiosk.page.getByTestId('help-call-state')).toHaveCount(0);
  // And it stays cleared (the kiosk's later heartbeats do not raise it again).
  await kiosk.page.waitForTimeout(1_000);
  expect(await helpUpstream()).toBeUndefined();
  await kiosk.context.close();
});
