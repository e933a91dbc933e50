// The heartbeat (`POST /v1/sync/heartbeat`): tells staff this desk is alive (outbox
// depth, last sync, app version, checkpoint, device clock) and measures the clock:
// the offset estimate is the server's time minus the midpoint of our send and
// receive times, kept in IndexedDB so new check-ins carry clockOffsetMs.
// An open help call rides along until the server says staff cleared it.
import type { TurnoutDb } from '../storage/db';
import { outboxCount } from '../storage/checkin';
import { loadSession } from '../storage/device';
import { getLastSyncAt, setClockOffset } from '../storage/sync-meta';
import type { SyncClient } from './client';
import { loadHelpCall, settleHelpCall } from '../storage/help';

export interface HeartbeatResult {
  clockOffsetMs: number;
  rttMs: number;
}

export async function sendHeartbeat(
  db: TurnoutDb,
  client: SyncClient,
  opts: { now: () => number; appVersion: string },
): Promise<HeartbeatResult> {
  const [outboxDepth, lastSyncAt, session, help] = await Promise.all([outboxCount(db), getLastSyncAt(db), loadSession(db), loadHelpCall(db)]);
  const sentAt = opts.now();
  const res = await client.heartbeat({
    outboxDepth,
    lastSyncAt: lastSyncAt ?? null,
    appVersion: opts.appVersion.slice(0, 100),
    clock: new Date(sentAt).toISOString(),
    ...(session ? { checkpointId: session.checkpointId } : {}),
    // Only while a call is open: older servers ignore the field, and no call means no field.
    ...(help ? { help: { id: help.id, requestedAt: help.requestedAt } } : {}),
  });
  const receivedAt = opts.now();
  const rttMs = Math.max(0, receivedAt - sentAt);
  const clockOffsetMs = Math.round(Date.parse(res.serverTime) - (sentAt + rttMs / 2));
  await setClockOffset(db, clockOffsetMs);
  if (help) await settleHelpCall(db, help.id, { cleared: res.helpCleared === help.id, at: receivedAt });
  return { clockOffsetMs, rttMs };
}
