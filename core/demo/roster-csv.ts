// Writes tickets as the roster CSV of DESIGN.md "Sync protocol v1" (the import
// format): header `code,name,company,category,programmes,valid_from,valid_until,note`,
// programmes joined by `;`, RFC 4180 quoting, CRLF line ends, no BOM.
import type { Ticket } from '../model';

export const ROSTER_CSV_COLUMNS = ['code', 'name', 'company', 'category', 'programmes', 'valid_from', 'valid_until', 'note'] as const;

export interface RosterCsvOptions {
  /**
   * The CSV has no status column, so a revoked, blocked or deleted ticket written
   * to it would import as valid. Such rows are left out unless this is true.
   */
  includeInactive?: boolean;
}

const CRLF = '\r\n';

/** One field, quoted when it holds a comma, quote, CR or LF, or starts or ends with a space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function rosterCsvHeader(): string {
  return ROSTER_CSV_COLUMNS.join(',') + CRLF;
}

/** One ticket as a CSV record, CRLF included; '' when it is inactive and not wanted. */
export function rosterCsvRow(t: Ticket, opts: RosterCsvOptions = {}): string {
  if (t.status !== 'valid' && !opts.includeInactive) return '';
  const fields = [t.code, t.name, t.company, t.category, t.programmes.join(';'), t.validFrom ?? '', t.validUntil ?? '', t.note ?? ''];
  return fields.map(csvField).join(',') + CRLF;
}

/** The whole roster as one CSV string (header first). Stream with rosterCsvRow for big rosters. */
export function rosterToCsv(tickets: Iterable<Ticket>, opts: RosterCsvOptions = {}): string {
  const parts = [rosterCsvHeader()];
  for (const t of tickets) parts.push(rosterCsvRow(t, opts));
  return parts.join('');
}
