// The Roster page: importing the roster file, its row errors, and ticket lookup.
// Keys mirror ko/roster.ts (tests/unit/ui/i18n-catalogues.test.ts checks).

export const roster = {
  uploadTitle: 'Import the roster',
  uploadHint: 'A CSV (header row: code, name, company, category, programmes, valid_from, valid_until, note; Korean headers too) or an Excel file. Rows read well are stored; broken lines are listed with their number.',
  upload: 'Upload',
  sending: 'Sending',
  sendingPct: 'Sending… {{pct}}%',
  processing: 'Reading the roster on the server…',
  imported: 'New',
  updated: 'Updated',
  unchanged: 'Unchanged',
  errors: 'Lines refused',
  errorsHint: 'These lines were not imported. Fix them in the file and upload it again; the rest stays as imported.',
  line: 'Line',
  problem: 'Problem',
  refused: 'Nothing was imported: {{reason}}',
};

// A file refused as a whole, by the server's error code (core/roster-file.ts RosterFileErrorCode).
export const rosterFile = {
  too_large: 'the file is larger than the server accepts. Split it into smaller files.',
  payload_too_large: 'the file is larger than the server accepts. Split it into smaller files.',
  old_excel: 'this is an Excel 97–2003 (.xls) or password-protected file. Save it as an Excel Workbook (.xlsx) without a password, or as “CSV UTF-8”.',
  not_xlsx: 'this ZIP file is not an Excel workbook (.xlsx).',
  xlsx_too_large: 'the workbook unpacks to more than the server reads. Split the roster into smaller files, or save it as CSV.',
  xlsx_damaged: 'the workbook is damaged. Open it in Excel and save it again.',
  unknown_encoding: 'the file is neither UTF-8 nor Korean (CP949) text, so names would be garbled. In Excel choose “CSV UTF-8 (comma delimited)” or save it as .xlsx.',
  ambiguous_encoding: 'the file reads as UTF-8 and as Korean (CP949) alike, so names could be garbled. In Excel choose “CSV UTF-8 (comma delimited)” or save it as .xlsx.',
  binary: 'this is not a text CSV. In Excel choose “CSV UTF-8 (comma delimited)” or save it as .xlsx.',
  unsupported_media_type: 'send the file itself (CSV or XLSX), not a form.',
  missing_file: 'the file is empty.',
};

// One refused line, by its code (core/csv.ts RosterErrorCode); lines without a code show the server's message.
export const rosterRow = {
  no_header: 'no header row with at least code and name columns (코드, 성명)',
  empty_file: 'the file is empty',
  unreadable_row: 'unreadable row (check the quotes)',
  missing_code: 'no code',
  bad_code: 'the code has characters a scanner never sends ({{detail}})',
  missing_name: 'no name',
  unknown_category: 'unknown category “{{value}}”',
  bad_date: '{{column}} “{{value}}” is not a date',
  dates_order: 'valid_until is not after valid_from',
  duplicate_code: 'code {{code}} again (first on line {{first}})',
  excel_error: 'a cell holds the Excel error {{value}}',
  number_code: 'the number {{value}} is longer than Excel keeps (15 digits): format the column as Text and type it again',
  bad_phone_last4: 'phone_last4 needs at least 4 digits (the last four of the phone number)',
  bad_birth_date: 'birth_date is not a date: write it as 1990-01-31, 19900131, 900131 or 1990.01.31',
};

export const lookup = {
  title: 'Find a ticket',
  placeholder: 'Code, name or company',
  search: 'Search',
  none: 'No ticket matches.',
  more: 'More tickets match: type more of the name or code.',
  history_one: '{{count}} scan',
  history_other: '{{count}} scans',
  noScans: 'Never scanned.',
  when: 'When',
  desk: 'Desk',
  direction: 'Direction',
  verdict: 'Verdict',
  entry: 'Entry',
  exit: 'Exit',
  accepted: 'Admitted',
  conflict: 'conflict',
  override: 'override by {{by}}: {{reason}}',
};

export const ticket = {
  code: 'Code',
  name: 'Name',
  company: 'Company',
  category: 'Category',
  programmes: 'Programmes',
  status: 'Status',
  note: 'Note for staff',
  statuses: { valid: 'Valid', revoked: 'Revoked', blocked: 'Blocked', deleted: 'Deleted' },
  revoke: 'Revoke ticket',
  block: 'Block',
  restore: 'Make valid again',
  revokeConfirm: 'Revoke ticket {{code}} ({{name}})? Kiosks refuse it from their next sync. You can make it valid again later.',
};
