// A green verdict means the check-in is on disk: kill -9 the whole browser right
// after the verdict appears, relaunch on the same profile, and find the check-in
// there — 20 times out of 20.
import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchOwned } from './support/chromium';
import { admissibleCodes, kioskUrl, scan } from './support/kiosk';

const ROUNDS = 20;

function storedIds(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('turnout');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const all = db.transaction('checkins').objectStore('checkins').getAllKeys();
      all.onsuccess = () => {
        resolve(all.result.map(String));
        db.close();
      };
      all.onerror = () => reject(all.error);
    };
  });
}

test(`kill -9 right after a green verdict loses nothing (${ROUNDS} rounds)`, async ({ baseURL }) => {
  test.setTimeout(ROUNDS * 20_000);
  const profile = mkdtempSync(join(tmpdir(), 'turnout-profile-'));
  const admitted: string[] = [];
  const codes = admissibleCodes(ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const owned = await launchOwned(profile);
    const context = owned.browser.contexts()[0]!;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(new URL(kioskUrl(), baseURL).href);
    if (round === 0) await page.locator('[data-checkpoint="info-desk"]').click({ timeout: 60_000 });
    await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });

    // Everything admitted before the last power cut is still here.
    expect((await page.evaluate(storedIds)).sort()).toEqual([...admitted].sort());

    const v = await scan(page, codes[round]!);
    await expect(v).toHaveAttribute('data-verdict', 'accepted');
    admitted.push((await v.getAttribute('data-checkin-id'))!);
    await owned.kill();
  }
  const owned = await launchOwned(profile);
  const page = owned.browser.contexts()[0]!.pages()[0]!;
  await page.goto(new URL(kioskUrl(), baseURL).href);
  await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
  const ids = await page.evaluate(storedIds);
  expect(ids.filter((id) => admitted.includes(id))).toHaveLength(ROUNDS);
  await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', String(ROUNDS));
  await owned.kill();
});
