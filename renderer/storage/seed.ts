// First start without an upstream: load the demo event and a generated roster so
// the kiosk is usable at once. Until sync exists, setup can also import a CSV.
import { demoEvent } from '../../core/demo/event';
import { demoRosterChunks } from '../../core/demo/roster';
import { loadConfig, putTickets, saveConfig, ticketCount } from './roster';
import { rosterIsEmpty } from './roster-store';
import type { TurnoutDb } from './db';

export async function ensureDemoData(
  db: TurnoutDb,
  size: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const existing = await loadConfig(db);
  if (existing && (await ticketCount(db)) >= size) return;
  await saveConfig(db, demoEvent);
  // Into an empty roster, only codes this seed wrote can be stored already.
  const seen = (await rosterIsEmpty(db)) ? new Set<string>() : undefined;
  let done = 0;
  for (const chunk of demoRosterChunks(size, 5000)) {
    await putTickets(db, chunk, { seen });
    done += chunk.length;
    onProgress?.(done, size);
  }
}
