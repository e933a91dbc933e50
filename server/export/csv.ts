// CSV writing for exports: the cell rules live in core/export.ts (RFC 4180
// quoting, CRLF rows, a UTF-8 BOM so Excel reads Hangul, and formula-injection
// safety: a cell starting with = + - @ tab or CR gets a leading '), shared with
// the kiosk's own exports so both files read the same in a spreadsheet.

export { BOM, csvCell, csvRow } from '../../core/export';
