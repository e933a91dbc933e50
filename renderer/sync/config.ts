// The event config from upstream (`GET /v1/sync/config`): event, programmes,
// checkpoints and signing keys, fetched with If-None-Match so an unchanged config
// costs a 304. A config for another event than the one paired is refused. The
// checkpoint the server preselected for this device becomes the session when the
// desk has none yet. A staff PIN hash in the config (the organiser's PIN) is
// adopted when it is new to this kiosk and newer than its own PIN; without one
// the PIN set on the kiosk stays (renderer/storage/staff-pin.ts). The
// self-service factor's secret and mark are the server's (storage/second-factor);
// a checkpoint marked self-service starts the preselected desk in it, once a
// staff PIN can end it.
import { getMeta, type TurnoutDb } from '../storage/db';
import { loadSession, saveSession } from '../storage/device';
import { applyConfig } from '../storage/replica';
import { adoptServerFactor } from '../storage/second-factor';
import { adoptConfigStaffPin, hasStaffPin } from '../storage/staff-pin';
import { SYNC_META, type Pairing } from '../storage/sync-meta';
import type { SyncClient } from './client';
import { SyncError } from './errors';

export interface ConfigResult {
  changed: boolean;
}

export async function pullConfig(db: TurnoutDb, client: SyncClient, pairing: Pairing): Promise<ConfigResult> {
  const [etag, hasConfig] = await Promise.all([getMeta<string>(db, SYNC_META.configEtag), db.config.get('current')]);
  // Without a stored config an ETag proves nothing: ask for the body.
  const res = await client.config(hasConfig ? etag : undefined);
  if (res.notModified) return { changed: false };
  const { config } = res;
  if (config.event.id !== pairing.eventId) {
    throw new SyncError('bad_response', `config is for event ${config.event.id}, this kiosk is paired to ${pairing.eventId}`);
  }
  const foreign = [...config.programmes, ...config.checkpoints].find((x) => x.eventId !== pairing.eventId);
  if (foreign) throw new SyncError('bad_response', `config item ${foreign.id} belongs to event ${foreign.eventId}`);
  // Before applyConfig stores the ETag: a crash in between must not leave a
  // 304 answering for a config whose PIN was never adopted.
  if (config.staffPin) await adoptConfigStaffPin(db, config.staffPin);
  await adoptServerFactor(db, config);
  await applyConfig(
    db,
    { event: config.event, programmes: config.programmes, checkpoints: config.checkpoints, signingKeys: config.signingKeys, features: config.features ?? [] },
    res.etag,
  );
  // The desk's checkpoint when it has none yet, or when pairing only preset it from
  // the link (savePairing writes that session before any config is here): then the
  // checkpoint's self-service flag applies. A session staff chose is never touched.
  const current = await loadSession(db);
  const presetId = current === undefined ? config.deviceCheckpointId : current.preset === true ? current.checkpointId : undefined;
  const preselect = config.checkpoints.find((c) => c.id === presetId);
  if (preselect) {
    const self = preselect.selfService === true && (await hasStaffPin(db));
    await saveSession(db, { checkpointId: preselect.id, direction: 'entry', ...(self ? { selfService: true } : {}) });
  }
  return { changed: true };
}
