// The help call end to end: a paired kiosk, offline, is pressed for help — the
// screen says the call is saved, not sent; the network returns and the call
// reaches the server; every console page (reports, events, roster, pairing)
// shows a banner naming that kiosk and its checkpoint, in Korean and English, the
// chime sounds once for the call, and the banner's link leads to the Desks page,
// which flags the kiosk; staff clear it, the banner goes from every page and the
// kiosk's screen goes back to normal. Real server,
// real IndexedDB, the built kiosk and console.
import { expect, test } from '@playwright/test';
import { login } from './support/console';
import { networkBack, newKiosk, pairByUrl } from './support/sync';
import { ADMIN_TOKEN, startUpstream, type Upstream } from './support/upstream';
import type { DevicesResponse } from '../../core/protocol';
import { demoEvent } from '../../core/demo/event';

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
  const tones = () => staff.evaluate(() => (window as unknown as { __tones: number }).__tones);
  const [device] = await up.devices();
  const hallA = demoEvent.checkpoints.find((c) => c.id === 'hall-a')!.name;

  // Whatever page is open, the desk sees the call: a red banner naming the kiosk and
  // its checkpoint, with the way to Desks, and the chime once for this call.
  const onEveryPage = staff.getByTestId('help-banner');
  await expect(staff.getByTestId('nav-reports')).toHaveAttribute('aria-current', 'page');
  await expect(onEveryPage).toBeVisible();
  await expect(onEveryPage).toHaveAttribute('role', 'alert');
  await expect(onEveryPage).toContainText('A kiosk is calling for help');
  await expect(onEveryPage.locator(`[data-device="${device!.id}"]`)).toHaveText(`${device!.name} at ${hallA.en}`);
  await expect.poll(tones).toBeGreaterThan(0);
  const chimed = await tones();
  for (const p of ['events', 'roster', 'pairing'] as const) {
    await staff.getByTestId(`nav-${p}`).click();
    await expect(staff.getByTestId('nav-' + p)).toHaveAttribute('aria-current', 'page');
    await expect(onEveryPage).toBeVisible();
  }
  await staff.getByTestId('lang-ko').click();
  await expect(onEveryPage).toContainText('키오스크 1대가 직원을 호출했습니다');
  await expect(onEveryPage.locator(`[data-device="${device!.id}"]`)).toHaveText(`${hallA.ko}의 ${device!.name}`);
  await expect(staff.getByTestId('help-banner-link')).toContainText('데스크 페이지');
  await staff.getByTestId('lang-en').click();
  await staff.waitForTimeout(6_000); // more than one poll: the same call does not chime again
  expect(await tones()).toBe(chimed);

  // The banner's link: the Desks page, with the call in full (and no second banner).
  await staff.getByTestId('help-banner-link').click();
  await expect(staff.getByTestId('nav-devices')).toHaveAttribute('aria-current', 'page');
  const banner = staff.getByTestId('help-calls');
  await expect(banner).toBeVisible();
  await expect(onEveryPage).toHaveCount(0);
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('A kiosk is calling for help');
  const deviceId = device!.id;
  await expect(banner.locator(`[data-device="${deviceId}"]`)).toBeVisible();
  await expect(staff.locator(`tr[data-device="${deviceId}"]`)).toHaveAttribute('data-help', 'open');
  expect(await tones()).toBe(chimed);

  // Cleared by staff: gone from the console at once, and from the kiosk on its next pass.
  await banner.getByTestId('help-clear').click();
  await expect(banner).toHaveCount(0);
  await expect(staff.getByTestId('devices-message')).toContainText('cleared');
  await expect(staff.locator(`tr[data-device="${deviceId}"]`)).not.toHaveAttribute('data-help', /.*/);
  expect(await helpUpstream()).toBeUndefined();
  // And from every other page: the reports page shows no banner once it is cleared.
  await staff.getByTestId('nav-reports').click();
  await expect(staff.getByTestId('nav-reports')).toHaveAttribute('aria-current', 'page');
  await expect(staff.getByTestId('reports')).toBeVisible();
  await expect(onEveryPage).toHaveCount(0);
  await expect(kiosk.page.getByTestId('help-call')).toHaveAttribute('data-help-state', 'none', { timeout: 40_000 });
  await expect(kiosk.page.getByTestId('help-call-state')).toHaveCount(0);
  // And it stays cleared (the kiosk's later heartbeats do not raise it again).
  await kiosk.page.waitForTimeout(1_000);
  expect(await helpUpstream()).toBeUndefined();
  await kiosk.context.close();
});
