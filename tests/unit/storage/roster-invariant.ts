// The roster store's invariants, checked by storage tests after their writes:
// every code in exactly one chunk, no chunk over CHUNK_ROWS, and each chunk's
// indexed codes and keys, and its row keys, exactly those of its rows. Returns every stored ticket.
import { expect } from 'vitest';
import { searchKeys } from '../../../core/search';
import type { Ticket } from '../../../core/model';
import type { TurnoutDb } from '../../../renderer/storage/db';
import { CHUNK_ROWS, countTickets } from '../../../renderer/storage/roster-store';

export async function expectChunksSound(db: TurnoutDb): Promise<Ticket[]> {
  const chunks = await db.roster.toArray();
  const all: Ticket[] = [];
  for (const chunk of chunks) {
    expect(chunk.rows.length).toBeGreaterThan(0);
    expect(chunk.rows.length).toBeLessThanOrEqual(CHUNK_ROWS);
    expect(chunk.codes).toEqual(chunk.rows.map((r) => r.code));
    expect(chunk.rowKeys).toEqual(chunk.rows.map((r) => searchKeys(r.name, r.company)));
    expect([...chunk.keys].sort()).toEqual([...new Set(chunk.rowKeys.flat())].sort());
    all.push(...chunk.rows);
  }
  const codes = all.map((t) => t.code);
  expect(new Set(codes).size).toBe(codes.length);
  expect(await countTickets(db)).toBe(codes.length);
  return all;
}
