// One roster file in, tickets and errors by line out, whatever the organiser
// saved: an XLSX workbook (its first sheet) or a CSV in UTF-8, UTF-16 or
// CP949. The bytes decide, not the file name or the Content-Type: an XLSX is a
// ZIP (PK\3\4), an old .xls or a password-protected workbook is an OLE2 file
// (refused with what to do instead), everything else is text. Whole-file
// problems (too large, unreadable, an encoding we cannot be sure of) throw a
// RosterFileError and import nothing; row problems come back as errors by line
// and the good rows are kept, as with CSV before. Shared by the server (route
// and CLI) and the kiosk's setup screen, which each bring their exceljs reader.

import type { RosterParseOptions, RosterParseResult } from './csv';
import { parseRosterCsv } from './csv';
import { decodeRosterText, RosterEncodingError, type Cp949Decoder, type RosterEncoding } from './roster-text';
import { parseRosterSheet, type SheetReader } from './roster-xlsx';
import { checkXlsxZip, ZipCheckError } from './zip-guard';

/** Largest roster file accepted, bytes (the server's import body limit too). */
export const ROSTER_MAX_BYTES = 32 * 1024 * 1024;
/** Most bytes an XLSX may unpack to on the server (its exceljs reader streams: ~57 MB for 200k rows). */
export const XLSX_MAX_UNPACKED = 256 * 1024 * 1024;
/** On the kiosk, whose exceljs holds the whole workbook in memory (~11 bytes of heap per unpacked byte). */
export const XLSX_MAX_UNPACKED_KIOSK = 64 * 1024 * 1024;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type RosterFileErrorCode =
  | 'too_large'
  | 'old_excel'
  | 'not_xlsx'
  | 'xlsx_too_large'
  | 'xlsx_damaged'
  | 'unknown_encoding'
  | 'ambiguous_encoding'
  | 'binary';

/** A roster file refused as a whole: nothing was imported. `status` is the HTTP status the server answers with. */
export class RosterFileError extends Error {
  constructor(
    readonly code: RosterFileErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'RosterFileError';
  }

  get status(): number {
    if (this.code === 'too_large' || this.code === 'xlsx_too_large') return 413;
    if (this.code === 'old_excel') return 415;
    return 400;
  }
}

export interface RosterFileResult extends RosterParseResult {
  format: 'csv' | 'xlsx';
  /** The text encoding found (CSV only). */
  encoding?: RosterEncoding;
}

export interface RosterFileOptions extends RosterParseOptions {
  /** Reads the first sheet of a checked XLSX (the kiosk's in-memory exceljs, the server's streaming one). */
  readSheet: SheetReader;
  /** CP949 decoding (core/roster-text.ts says why the server brings its own); the platform's by default. */
  decodeCp949?: Cp949Decoder;
  maxBytes?: number;
  maxUnpacked?: number;
}

const MB = 1024 * 1024;
/** Bytes as the messages say them: `0.3 MB`, `32 MB`. */
export const formatMb = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;
const mb = formatMb;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type RosterFormat = 'xlsx' | 'old_excel' | 'text';

/** What the bytes are, by their first bytes. */
export function sniffRoster(bytes: Uint8Array): RosterFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) {
    return 'xlsx';
  }
  if (OLE2.every((b, i) => bytes[i] === b)) return 'old_excel';
  return 'text';
}

/** Throws RosterFileError when the file is too large to read at all. */
export function checkRosterSize(size: number, maxBytes = ROSTER_MAX_BYTES): void {
  if (size > maxBytes) {
    throw new RosterFileError('too_large', `The roster file is ${mb(size)}; the limit is ${mb(maxBytes)}. Split it into smaller files.`, {
      size: mb(size),
      limit: mb(maxBytes),
    });
  }
}

export async function parseRosterFile(bytes: Uint8Array, options: RosterFileOptions): Promise<RosterFileResult> {
  const { readSheet, decodeCp949, maxBytes = ROSTER_MAX_BYTES, maxUnpacked = XLSX_MAX_UNPACKED, ...parse } = options;
  checkRosterSize(bytes.length, maxBytes);
  const format = sniffRoster(bytes);
  if (format === 'old_excel') {
    throw new RosterFileError(
      'old_excel',
      'This is an Excel 97–2003 .xls file or a password-protected workbook. Save it as an Excel Workbook (.xlsx) without a password, or as "CSV UTF-8", and import that.',
    );
  }
  if (format === 'xlsx') {
    try {
      await checkXlsxZip(bytes, maxUnpacked);
    } catch (err) {
      if (!(err instanceof ZipCheckError)) throw err;
      const code = err.kind === 'too_large' ? 'xlsx_too_large' : err.kind === 'corrupt' ? 'xlsx_damaged' : 'not_xlsx';
      throw new RosterFileError(code, err.message, { limit: mb(maxUnpacked) });
    }
    try {
      return { ...(await parseRosterSheet(readSheet(bytes), parse)), format: 'xlsx' };
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new RosterFileError('xlsx_damaged', `The workbook could not be read (${detail}). Open it in Excel and save it again.`);
    }
  }
  try {
    const { text, encoding } = decodeRosterText(bytes, decodeCp949);
    return { ...parseRosterCsv(text, parse), format: 'csv', encoding };
  } catch (err) {
    if (err instanceof RosterEncodingError) throw new RosterFileError(err.kind, err.message);
    throw err;
  }
}
