// `export.csv`: the event export (checkins-rows.ts) as CSV text chunks — BOM and
// header first, then one chunk per page — with formula-safe cells.

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema-types';
import { EXPORT_COLUMNS, exportRows } from './checkins-rows';
import { BOM, csvRow } from './csv';

export { EXPORT_COLUMNS } from './checkins-rows';

/** The export as text chunks: BOM and header first, then a chunk per page of check-ins. */
export async function* exportCheckinsCsv(db: Kysely<Database>, eventId: string): AsyncGenerator<string> {
  yield BOM + csvRow(EXPORT_COLUMNS);
  for await (const rows of exportRows(db, eventId)) {
    let chunk = '';
    for (const cells of rows) chunk += csvRow(cells);
    yield chunk;
  }
}
