// A checkpoint marked self-service in the event config (issue 12: "chosen per
// device at setup, or per checkpoint in the event config"), real upstream on
// loopback and a kiosk database on fake-indexeddb. Pairing writes the link's
// checkpoint as the session before any config is here; the config pull that
// follows must still start the desk in self-service (it did not: the flag was
// applied only to a kiosk with no session at all). A session staff chose later
// is never overridden by a config refresh.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, type PairingCopyReceipt } from '../../../core/kiosk-api';
import { loadSession, saveSession } from '../../../renderer/storage/device';
import { SyncEngine } from '../../../renderer/sync/engine';
import { pairAndSync } from '../../../renderer/sync/pairing';
import { BUNDLE, EVENT_ID, kioskDb, startUpstream, type Upstream } from './harness';

let up: Upstream;
beforeEach(async () => {
  up = await startUpstream(5);
});
afterEach(() => up.close());

const [hall, lounge] = BUNDLE.checkpoints as [(typeof BUNDLE.checkpoints)[number], (typeof BUNDLE.checkpoints)[number]];
const saveEvent = async (label: string, selfService: boolean) =>
  expect((await up.admin('/v1/admin/events', { json: { ...BUNDLE, event: { ...BUNDLE.event, name: { ko: label, en: label } }, checkpoints: [{ ...hall, selfService }, lounge] } })).status).toBe(200);

async function pairAt(checkpointId: string) {
  const db = kioskDb();
  const pairingCopy = { save: async () => ok({} as PairingCopyReceipt), load: async () => ok(null), clear: async () => ok(null) };
  const pairing = await pairAndSync(db, await up.pairingLink(undefined, checkpointId), { name: 'desk', pairingCopy, engine: { events: null } });
  return { db, sync: async () => expect((await new SyncEngine({ db, pairing, events: null, heartbeatMs: 0 }).syncNow()).ok).toBe(true) };
}

describe('self-service from the event config', () => {
  it('a kiosk paired by a link naming a self-service checkpoint starts in self-service; another checkpoint does not', async () => {
    expect((await up.admin(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'PUT', json: { pin: '482916' } })).status).toBe(200);
    await saveEvent('a', true);
    const self = await pairAt(hall.id);
    expect(await loadSession(self.db)).toEqual({ checkpointId: hall.id, direction: 'entry', selfService: true });
    const desk = await pairAt(lounge.id);
    expect(await loadSession(desk.db)).toEqual({ checkpointId: lounge.id, direction: 'entry' });

    // Staff take the kiosk out of self-service (behind the PIN): a later config change keeps their choice.
    await saveSession(self.db, { checkpointId: hall.id, direction: 'entry', selfService: false });
    await saveEvent('b', true);
    await self.sync();
    expect(await loadSession(self.db)).toEqual({ checkpointId: hall.id, direction: 'entry', selfService: false });
  });

  it('without a staff PIN nobody could end it: the kiosk starts as a desk', async () => {
    await saveEvent('a', true);
    const k = await pairAt(hall.id);
    expect(await loadSession(k.db)).toEqual({ checkpointId: hall.id, direction: 'entry' });
  });
});
