// Signed `TO1:` codes at a paired kiosk that went offline (issue 14's Done-when),
// in Debian's Chromium against the real upstream: a code issued on the server
// after the kiosk's last sync is admitted offline (verified with the event's
// synced public key, no roster row on the kiosk); the same code altered by one
// character is `invalid_signature`; once the ticket is revoked on the server and
// the kiosk has synced again, it is `revoked`. Every check-in reaches the server.
import { expect, test, type Page } from '@playwright/test';
import { openDatabase } from '../../server/db/connect';
import { issueTickets } from '../../server/signing/issue';
import { scan } from './support/kiosk';
import { expectAllOnServer, indicator, localCheckins, networkBack, pairByUrl } from './support/sync';
import { ADMIN_TOKEN, EVENT_ID, startUpstream, type Upstream } from './support/upstream';

let up: Upstream | undefined;
test.afterEach(async () => {
  await up?.close();
  up = undefined;
});

const admin = (path: string, method: string, body: string, type = 'application/json') =>
  fetch(`${up!.url}${path}`, { method, body, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': type } });

/**
 * Scans `code` and returns the verdict of the check-in stored for exactly that
 * code. A burst split by a starved machine stores other codes (halves): scan again.
 */
async function scanExactly(page: Page, code: string) {
  for (let attempt = 1; ; attempt++) {
    const v = await scan(page, code);
    const id = await v.getAttribute('data-checkin-id');
    const stored = (await localCheckins(page)).find((c) => c.id === id);
    if (stored?.code === code) return v;
    if (attempt >= 3) throw new Error(`scan of ${code.slice(0, 12)}… misread ${attempt} times`);
    await page.waitForTimeout(500);
  }
}

test('offline kiosk: a code issued after its last sync is admitted, one altered character is invalid_signature, and after revocation syncs it is revoked', async ({ page, context }) => {
  test.setTimeout(180_000);
  up = await startUpstream();
  await pairByUrl(page, up.url, await up.pairingLink('info-desk'));
  await context.setOffline(true); // the desk's network is gone from here on

  // Issued on the server after the kiosk's last sync, by the server's own issuing
  // (server/signing/issue.ts, what `npm run server -- issue` runs): signed with the
  // event's active key, and a ticket row with the code. No admin issue route on main
  // yet, so the test calls it over a second connection to the upstream's SQLite.
  const server = await openDatabase({ sqlitePath: up.sqlitePath });
  const result = await issueTickets(server.db, EVENT_ID, [{
    name: 'Signed Guest', company: 'Acme', category: 'visitor', programmes: [],
    validFrom: '2025-09-08T00:00:00+09:00', validUntil: '2025-09-15T00:00:00+09:00',
  }], undefined);
  await server.close();
  expect(result.errors).toEqual([]);
  const code = result.issued[0]!.code;
  expect(code).toMatch(/^TO1:[A-Z2-7]+$/);

  const admitted = await scanExactly(page, code);
  await expect(admitted).toHaveAttribute('data-verdict', 'accepted');
  // scan() hands back the one verdict locator: keep this admission's id before the next scan replaces it.
  const admittedId = (await admitted.getAttribute('data-checkin-id'))!;
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'offline');

  // One character altered (in the signed body, not the signature's last bits): refused as forged.
  const at = 20;
  const altered = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
  const forged = await scanExactly(page, altered);
  await expect(forged).toHaveAttribute('data-verdict', 'rejected');
  await expect(forged).toHaveAttribute('data-reason', 'invalid_signature');

  // Revoked on the server; the kiosk learns it with its next ticket pull.
  const revoked = await admin(`/v1/admin/events/${EVENT_ID}/tickets/${encodeURIComponent(code)}`, 'PATCH', JSON.stringify({ status: 'revoked' }));
  expect(revoked.status).toBe(200);
  await networkBack(context, page);
  await expect(indicator(page)).toHaveAttribute('data-outbox', '0', { timeout: 90_000 });
  await expect.poll(() => rosterStatus(page, code), { timeout: 60_000 }).toBe('revoked');
  const refused = await scanExactly(page, code);
  await expect(refused).toHaveAttribute('data-verdict', 'rejected');
  await expect(refused).toHaveAttribute('data-reason', 'revoked');

  // The offline admission and both refusals are on the server, once each.
  await expect(indicator(page)).toHaveAttribute('data-outbox', '0', { timeout: 90_000 });
  const onServer = (await up.checkins()).filter((r) => r.code === code || r.code === altered);
  expect(onServer.map((r) => [r.code === code ? 'code' : 'altered', r.verdict])).toEqual([
    ['code', 'accepted'], ['altered', 'rejected'], ['code', 'rejected'],
  ]);
  await expectAllOnServer(up, [page], [admittedId]);
});

/** The status of the kiosk's roster row for `code`, or undefined when it has none. */
function rosterStatus(page: Page, code: string): Promise<string | undefined> {
  return page.evaluate(
    (c) =>
      new Promise<string | undefined>((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          // The roster is stored in chunks (renderer/storage/roster-store.ts), found by the `codes` index.
          const get = db.transaction('roster').objectStore('roster').index('codes').get(c);
          get.onsuccess = () => {
            const chunk = get.result as { rows: { code: string; status: string }[] } | undefined;
            resolve(chunk?.rows.find((r) => r.code === c)?.status);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    code,
  );
}
