// A green verdict means the check-in is on disk: kill -9 the whole browser right
// after the verdict appears, relaunch on the same profile, and find the check-in
// there — 20 times out of 20. And a kiosk shows self-service only once that mode
// is stored: with IndexedDB's answer held back, the screen waits for it.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchOwned } from './support/chromium';
import { admissibleCodes, kioskUrl, scan } from './support/kiosk';
import { SELF_PIN, storedSelfService, typePin } from './support/self';

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

/**
 * In the page, before the app: IndexedDB's "complete" for a transaction that writes
 * the session is held back until `__session.release()` — a slow disk, as far as the
 * app can tell (the row commits; only the news of it waits).
 */
function holdSessionCommits(): void {
  const gate = { writes: 0, queue: [] as (() => void)[], release: () => gate.queue.splice(0).forEach((go) => go()) };
  (window as unknown as { __session: typeof gate }).__session = gate;
  const writing = new WeakSet<IDBTransaction>();
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === 'meta' && (value as { key?: unknown } | null)?.key === 'session') {
      gate.writes++;
      writing.add(this.transaction);
    }
    return put.call(this, value, key);
  };
  const complete = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete')!;
  Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
    configurable: true,
    get(this: IDBTransaction) {
      return complete.get!.call(this);
    },
    set(this: IDBTransaction, fn: ((this: IDBTransaction, ev: Event) => unknown) | null) {
      complete.set!.call(this, typeof fn !== 'function' ? fn : function (this: IDBTransaction, ev: Event) {
        if (writing.has(this)) gate.queue.push(() => fn.call(this, ev));
        else fn.call(this, ev);
      });
    },
  });
}

/** Two animation frames in the page: any render the app had queued has happened. */
function afterFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

test('self-service shows only once it is stored: a kiosk restarted the moment it shows comes back in self-service', async ({ page }) => {
  await page.addInitScript(holdSessionCommits);
  await page.goto(kioskUrl({ roster: 20 }));
  await expect(page.getByTestId('staff-pin-missing')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('self-service-toggle').locator('input').check();
  await page.locator('[data-checkpoint="info-desk"]').click();
  const gate = page.getByTestId('staff-gate');
  await expect(gate).toHaveAttribute('data-mode', 'set');
  await typePin(page, SELF_PIN);
  await expect(gate).toHaveAttribute('data-mode', 'confirm');
  await typePin(page, SELF_PIN);

  // The session is being written, and the disk has not answered: no attract screen yet.
  const writes = () => page.evaluate(() => (window as unknown as { __session: { writes: number } }).__session.writes);
  await expect.poll(writes).toBe(1);
  await afterFrames(page);
  await expect(page.getByTestId('self-attract')).toHaveCount(0);
  await expect(page.getByTestId('scan-prompt')).toHaveCount(0); // nor a desk screen meanwhile

  // It answers: the attract screen, with the mode on disk as it shows (read once, no poll).
  await page.evaluate(() => (window as unknown as { __session: { release(): void } }).__session.release());
  await expect(page.getByTestId('self-attract')).toBeVisible();
  expect(await storedSelfService(page)).toBe(true);
  await page.reload();
  await expect(page.getByTestId('self-attract')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('open-search')).toHaveCount(0);
});
