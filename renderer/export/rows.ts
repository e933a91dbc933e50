// Stored check-ins as export rows: joined with the ticket (name, company,
// category) and the checkpoint's name, the sync state as `status`.
import type { CheckinExportRow } from '../../core/export';
import type { CheckIn, CheckInVoid } from '../../core/model';

export interface RowNames {
  ticket(code: string): { name: string; company: string; category: string } | undefined;
  checkpoint(id: string): string | undefined;
}

export function exportRow(c: CheckIn, names: RowNames, voided?: CheckInVoid): CheckinExportRow {
  const t = names.ticket(c.code);
  return {
    voidedAt: voided?.voidedAt,
    voidReason: voided ? (voided.note ? `${voided.reason}: ${voided.note}` : voided.reason) : undefined,
    id: c.id,
    code: c.code,
    name: t?.name,
    company: t?.company,
    category: t?.category,
    checkpointId: c.checkpointId,
    checkpointName: names.checkpoint(c.checkpointId),
    deviceId: c.deviceId,
    direction: c.direction,
    verdict: c.verdict,
    reason: c.reason,
    overrideBy: c.override?.by,
    overrideReason: c.override?.reason,
    scannedAt: c.scannedAt,
    day: c.day,
    status: c.syncState,
    ...(c.badge !== undefined ? { badge: c.badge } : {}),
  };
}
