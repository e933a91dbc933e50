// Self-service chosen per checkpoint in the event config (issue 12: "chosen per
// device at setup, or per checkpoint in the event config"), in real Chromium
// against the real upstream: the organiser marks the information desk
// `selfService`; a kiosk paired there (the event has a staff PIN) opens on the
// attract screen by itself, a kiosk paired at another door opens as a desk, and
// the self-service one leaves the mode only behind the event's PIN. (Pairing
// writes the link's checkpoint as a preset session before the config arrives;
// the flag used to be lost there, so such kiosks opened as desks.)
import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PIN } from '../../server/demo';
import { indicator, kioskPage, newKiosk, pairByUrl } from './support/sync';
import { ADMIN_TOKEN, EVENT_ID, startUpstream, type Upstream } from './support/upstream';

let up: Upstream | undefined;
test.afterEach(async () => {
  await up?.close();
  up = undefined;
});

test('a kiosk paired at a checkpoint marked self-service opens on the attract screen; another door opens as a desk', async ({ browser }) => {
  test.setTimeout(150_000);
  up = await startUpstream();
  const bundle = (await (await up.admin(`/v1/admin/events/${EVENT_ID}`)).json()) as { checkpoints: { id: string; selfService?: boolean }[] };
  bundle.checkpoints.find((c) => c.id === 'info-desk')!.selfService = true;
  const saved = await fetch(`${up.url}/v1/admin/events`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(bundle) });
  expect(saved.status).toBe(200);

  const self = await newKiosk(browser);
  const desk = await newKiosk(browser);
  try {
    await self.page.goto(kioskPage(up.url, { pair: await up.pairingLink('info-desk') }));
    await expect(self.page.getByTestId('self-attract')).toBeVisible({ timeout: 60_000 });
    await expect(self.page.getByTestId('open-search')).toHaveCount(0); // no desk screen behind it

    await pairByUrl(desk.page, up.url, await up.pairingLink('ceremony'));
    await expect(desk.page.getByTestId('self-attract')).toHaveCount(0);

    // Out of self-service only with the event's PIN; then the desk's screen, still paired and online.
    await self.page.getByTestId('self-staff').click();
    for (const d of DEMO_STAFF_PIN) await self.page.getByTestId(`pin-key-${d}`).click();
    await self.page.getByTestId('pin-ok').click();
    await expect(self.page.getByTestId('scan-prompt')).toBeVisible();
    await expect(self.page.getByTestId('checkpoint-name')).toHaveText('종합 안내 데스크');
    await expect(indicator(self.page)).toHaveAttribute('data-sync-state', 'online', { timeout: 30_000 });
  } finally {
    await self.context.close();
    await desk.context.close();
  }
});
