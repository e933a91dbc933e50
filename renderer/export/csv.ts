// The kiosk's CSV exports as bytes: UTF-8 with a BOM (Excel on Korean Windows
// then shows Hangul), CRLF rows, and formula-looking cells neutralised with a
// leading apostrophe (core/export.ts). Check-ins arrive in chunks, so progress
// can be shown while a large day is read.
import { BOM, checkinCsvCells, csvRow, KIOSK_CHECKIN_COLUMNS, talliesCsv, type CheckinExportRow, type TallyTable } from '../../core/export';

export type Chunks<T> = AsyncIterable<readonly T[]> | Iterable<readonly T[]>;

const encode = (parts: string[]): Uint8Array => new TextEncoder().encode(parts.join(''));

/** Every check-in as one CSV; `onProgress` gets the rows written so far after each chunk. */
export async function checkinsCsv(rows: Chunks<CheckinExportRow>, onProgress?: (done: number) => void): Promise<Uint8Array> {
  const parts = [BOM + csvRow(KIOSK_CHECKIN_COLUMNS.map((c) => c.key))];
  let done = 0;
  for await (const chunk of rows) {
    let text = '';
    for (const r of chunk) text += csvRow(checkinCsvCells(r));
    parts.push(text);
    done += chunk.length;
    onProgress?.(done);
  }
  return encode(parts);
}

/** The day's tallies as one CSV of titled sections. */
export function talliesCsvBytes(tables: readonly TallyTable[]): Uint8Array {
  return encode([talliesCsv(tables)]);
}
