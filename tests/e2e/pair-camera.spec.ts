// Pairing by CAMERA in real Chromium against the real upstream: the organiser's
// pairing QR (the turnout:// link with this desk's checkpoint) is turned into a
// fake-camera video at test time, the setup screen's camera reads it with the
// bundled ZXing WebAssembly, and the kiosk pairs, pulls the server's roster and
// syncs a scan.
import { expect, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, fakeCameraArgs } from './support/chromium';
import { admissibleCodes } from './support/kiosk';
import { qrVideo } from './support/qr-video';
import { expectAllOnServer, expectDrained, indicator, kioskPage, scanAll } from './support/sync';
import { startUpstream, type Upstream } from './support/upstream';

let up: Upstream | undefined;

test.afterEach(async () => {
  await up?.close();
  up = undefined;
});

test('pairs by showing the organiser’s pairing QR to the camera, then syncs a scan', async () => {
  test.setTimeout(120_000);
  up = await startUpstream();
  const link = await up.pairingLink('info-desk');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...fakeCameraArgs(await qrVideo(link))] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(kioskPage(up.url, { roster: '20' }));
    await page.getByTestId('open-pairing').click();
    await expect(page.getByTestId('pair-screen')).toBeVisible();
    await page.getByTestId('pair-camera').click();

    // The link carries the checkpoint: straight to scanning, paired and online.
    await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
    await expect(indicator(page)).toHaveAttribute('data-sync-state', 'online', { timeout: 30_000 });
    const devices = await up.devices();
    expect(devices).toHaveLength(1);

    // The roster is the server's (its codes are admitted, not the 20-ticket local demo's).
    const shown = await scanAll(page, admissibleCodes(1, 300));
    await expectDrained(page);
    await expectAllOnServer(up, [page], shown);
    expect(new Set((await up.checkins()).map((r) => r.device_id))).toEqual(new Set([devices[0]!.id]));
  } finally {
    await browser.close();
  }
});
