// The Electron kiosk pairs to a venue server whose certificate no OS trusts, by
// the pin in the pairing link alone: main's certificate verify proc (installed
// before the first load) accepts exactly that key for the link's hosts, so the
// pairing, the first sync and every later sync run over HTTPS — also after a
// restart, when the pin comes back from tls-pin.json before the page loads. A
// link pinning another key cannot pair. The server is the real `serve` path on
// loopback (tests/e2e/support/venue.ts); venue.test is mapped to 127.0.0.1.
// Skipped, with a printed notice, where no Electron binary is installed.
import { admissibleCodes, EVENT_DAY } from '../e2e/support/kiosk';
import { expectAllOnServer, expectDrained, indicator, scanAll } from '../e2e/support/sync';
import { startVenue, VENUE_HOST, type Venue } from '../e2e/support/venue';
import { expect, launchKiosk, requireElectron, test, type Kiosk } from './support/electron-app';

requireElectron();

let venue: Venue | undefined;
let kiosk: Kiosk | undefined;

test.afterEach(async () => {
  await kiosk?.app.close().catch(() => undefined);
  kiosk = undefined;
  await venue?.close();
  venue = undefined;
});

const resolverRules = `--host-resolver-rules=MAP ${VENUE_HOST} 127.0.0.1`;
const startQuery = (link: string) => new URLSearchParams({ pair: link, at: EVENT_DAY }).toString();

test('pairs over HTTPS by the link pin alone, syncs, and keeps the pin across a restart', async () => {
  test.setTimeout(240_000);
  venue = await startVenue();
  const link = await venue.pairingLink('info-desk');
  kiosk = await launchKiosk(undefined, { args: [resolverRules], env: { TURNOUT_KIOSK_QUERY: startQuery(link) } });
  const { page } = kiosk;
  await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 90_000 });
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'online', { timeout: 60_000 });
  expect(kiosk.mainLog()).toContain('server key pinned');
  expect(kiosk.mainLog()).toContain(venue.pin);
  const shown = await scanAll(page, admissibleCodes(2, 300));
  await expectDrained(page);

  await kiosk.restart();
  await expect(kiosk.page.getByTestId('scan-prompt')).toBeVisible({ timeout: 90_000 });
  shown.push(...(await scanAll(kiosk.page, admissibleCodes(1, 400))));
  await expectDrained(kiosk.page);
  await expectAllOnServer(venue, [kiosk.page], shown);
});

test('a link pinning another key does not pair: the server is refused, nothing is sent to it', async () => {
  test.setTimeout(180_000);
  venue = await startVenue();
  const link = (await venue.pairingLink('info-desk')).replace(/fp=[^&]+/, `fp=${'A'.repeat(43)}`);
  kiosk = await launchKiosk(undefined, { args: [resolverRules], env: { TURNOUT_KIOSK_QUERY: startQuery(link) } });
  const error = kiosk.page.getByTestId('pair-error');
  await expect(error).toBeVisible({ timeout: 90_000 });
  await expect(error).toHaveAttribute('data-error', 'unreachable');
  expect(kiosk.mainLog()).toContain('pinned server presented another key: refused');
  expect(venue.requests().filter((r) => r.url.startsWith('/v1/'))).toEqual([]);
});
