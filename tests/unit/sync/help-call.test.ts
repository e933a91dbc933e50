// The kiosk's help call over real HTTP (real upstream, fake-indexeddb): pressed
// while the network is down it is kept, not lost, and marked unsent; when the
// network returns the next heartbeat carries it and staff see it; staff clear it
// and the kiosk drops it on its next pass. Pressing twice is one call.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DevicesResponse } from '../../../core/protocol';
import { loadHelpCall, raiseHelpCall } from '../../../renderer/storage/help';
import type { SyncEngine } from '../../../renderer/sync/engine';
import { newKiosk, startProxy, startUpstream, type Proxy, type Upstream } from './harness';

let up: Upstream;
let proxy: Proxy;
const engines: SyncEngine[] = [];
beforeEach(async () => {
  up = await startUpstream(10);
  proxy = await startProxy(up.url);
});
afterEach(async () => {
  for (const e of engines.splice(0)) e.stop();
  await proxy.close();
  await up.close();
});

const flagOf = async (deviceId: string) => {
  const list = (await (await up.admin('/v1/admin/devices')).json()) as DevicesResponse;
  return list.devices.find((d) => d.id === deviceId)?.help;
};

it('offline: the call is kept unsent; back online it reaches staff; cleared upstream, the kiosk drops it', async () => {
  const k = await newKiosk(up, proxy.url);
  // A long heartbeat interval: only the open call makes a pass beat.
  const engine = k.engine({ heartbeatMs: 3_600_000 });
  engines.push(engine);
  expect((await engine.syncNow()).ok).toBe(true);

  proxy.setDown(true);
  const call = await raiseHelpCall(k.db, Date.now());
  expect(await raiseHelpCall(k.db, Date.now() + 5)).toEqual(call);
  expect((await engine.syncNow()).ok).toBe(false);
  expect(await loadHelpCall(k.db)).toEqual(call); // still there, still unsent
  expect(await flagOf(k.pairing.deviceId)).toBeUndefined();

  proxy.setDown(false);
  expect((await engine.syncNow()).ok).toBe(true);
  expect((await loadHelpCall(k.db))?.sentAt).toBeGreaterThan(0);
  expect(await flagOf(k.pairing.deviceId)).toEqual({ id: call.id, requestedAt: new Date(call.requestedAt).toISOString() });

  const cleared = await up.admin(`/v1/admin/devices/${k.pairing.deviceId}/help/clear`, { json: { id: call.id } });
  expect(cleared.status).toBe(200);
  expect((await engine.syncNow()).ok).toBe(true);
  expect(await loadHelpCall(k.db)).toBeUndefined();
  expect(await flagOf(k.pairing.deviceId)).toBeUndefined();
  // A later pass neither raises nor sends anything about it.
  expect((await engine.syncNow()).ok).toBe(true);
  expect(await flagOf(k.pairing.deviceId)).toBeUndefined();
});

it('notifyHelp sends the call at once, without waiting for the heartbeat interval', async () => {
  const k = await newKiosk(up, proxy.url);
  const engine = k.engine({ heartbeatMs: 3_600_000, intervalMs: 3_600_000 });
  engines.push(engine);
  expect((await engine.syncNow()).ok).toBe(true);
  const call = await raiseHelpCall(k.db, Date.now());
  engine.notifyHelp();
  await expect.poll(() => flagOf(k.pairing.deviceId), { timeout: 5_000 }).toMatchObject({ id: call.id });
});
