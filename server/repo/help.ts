// Help calls from kiosks (issue 12): the kiosk reports its open call on every
// heartbeat until it hears it was cleared; staff clear it from the console. The
// device row holds the open call (help_id, help_requested_at) and the id of the
// last call staff cleared (help_cleared_id), so a heartbeat still carrying a
// cleared call — the kiosk was offline when staff cleared it — is answered
// "cleared" instead of raising the flag again. One call per device at a time.
import type { Kysely } from 'kysely';
import type { HelpCall } from '../../core/protocol';
import type { Database } from '../db/schema-types';

type Db = Kysely<Database>;

/**
 * Applies a heartbeat's `help` field. Returns the call's id when staff have
 * already cleared it (the kiosk then drops it), else undefined.
 * `undefined` (older kiosk) changes nothing; null withdraws the open call.
 */
export async function reportHelp(db: Db, deviceId: string, help: HelpCall | null | undefined): Promise<string | undefined> {
  if (help === undefined) return undefined;
  const row = await db.selectFrom('devices').select(['help_id', 'help_cleared_id']).where('id', '=', deviceId).executeTakeFirst();
  if (!row) return undefined;
  if (help === null) {
    if (row.help_id !== null) await db.updateTable('devices').set({ help_id: null, help_requested_at: null }).where('id', '=', deviceId).execute();
    return undefined;
  }
  if (help.id === row.help_cleared_id) return help.id;
  if (help.id !== row.help_id) {
    await db.updateTable('devices').set({ help_id: help.id, help_requested_at: Date.parse(help.requestedAt) }).where('id', '=', deviceId).execute();
  }
  return undefined;
}

/**
 * Staff cleared the device's open call (only call `id` when given: a newer
 * call staff have not seen stays up). False when nothing was cleared;
 * null when there is no such device.
 */
export async function clearHelp(db: Db, deviceId: string, id?: string): Promise<boolean | null> {
  const row = await db.selectFrom('devices').select(['help_id']).where('id', '=', deviceId).executeTakeFirst();
  if (!row) return null;
  if (row.help_id === null || (id !== undefined && id !== row.help_id)) return false;
  const res = await db
    .updateTable('devices')
    .set({ help_id: null, help_requested_at: null, help_cleared_id: row.help_id })
    .where('id', '=', deviceId)
    .where('help_id', '=', row.help_id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
