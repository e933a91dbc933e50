// Shared by the journal tests: check-ins made like recordScan makes them, and a
// throwaway folder on the real file system per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newCheckInId } from '../../../core/ids';
import type { CheckIn } from '../../../core/model';

const BASE = Date.parse('2025-09-10T01:00:00Z');

/** The n-th check-in of a day (ids ascending with n). */
export function checkIn(n: number, day = '2025-09-10', extra: Partial<CheckIn> = {}): CheckIn {
  const at = Date.parse(`${day}T00:00:00Z`) + n;
  return {
    id: newCheckInId(at),
    code: `ICW25-${String(n).padStart(6, '0')}`,
    checkpointId: 'hall-a',
    deviceId: 'kiosk-1',
    direction: 'entry',
    verdict: 'accepted',
    scannedAt: new Date(at).toISOString().replace('Z', '+00:00'),
    day,
    syncState: 'pending',
    ...extra,
  };
}

export const NOW = BASE;

export function tempDir(prefix = 'turnout-journal-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
