// First start without an upstream: load the demo event and a generated roster so
// the kiosk is usable at once. Until sync exists, setup can also import a CSV.
import { demoEvent } from '../../core/demo/event';
import { demoRosterChunks } from '../../core/demo/roster';
import { loadConfig, putTickets, saveConfig } from './roster';
import type { TurnoutDb } from './db';

export async function ensureDemoData(
  db: TurnoutDb,
  size: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const existing = await loadConfig(db);
  if (existing && (await db.tickets.count()) >= size) return;
  await saveConfig(db, demoEvent);
  let done = 0;
  for (const chunk of demoRosterChunks(size, 5000)) {
    await putTickets(db, chunk);
    done += chunk.length;
    onProgress?.(done, size);
  }
}
