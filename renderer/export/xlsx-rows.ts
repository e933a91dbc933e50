// The Check-ins sheet's data rows as exceljs row models (exceljs's own typed
// RowModel/CellModel shape, what its XLSX writer renders), and the step that
// hands them to the writer beside a Workbook built the ordinary way.
//
// Why not ws.addRow(): at 100k check-ins the in-memory Workbook spends a
// third of the export building Row, Cell and Value objects (plus a style
// object per cell that we then replace), and Workbook.model copies every
// row's model twice on write — all of it live at once, so the garbage
// collector copies it again. A plain model per row holds the same cells, the
// writer is the same exceljs code, and the file is the same bytes.
import type { CellValue, ColumnKind } from '../../core/export';

/** exceljs.ValueType numbers the writer understands (enums are in both its Node and browser builds). */
export interface ValueTypes {
  Number: number;
  String: number;
  Date: number;
  Boolean: number;
}

/** One cell as exceljs's writer reads it. `styleId`/`ssId` are filled in by the writer's prepare step. */
export interface CellModel {
  address: string;
  type: number;
  value: string | number | boolean | Date;
  style: object;
  styleId: number | undefined;
  ssId: number | undefined;
}

export interface RowModel {
  cells: CellModel[];
  number: number;
  min: number;
  max: number;
  style: object;
  height: undefined;
  hidden: false;
  outlineLevel: 0;
  collapsed: false;
}

/** The parts of exceljs's worksheet model we add rows to. */
interface SheetModel {
  name: string;
  rows: { number: number }[];
  dimensions: { expand(top: number, left: number, bottom: number, right: number): void };
}

const NO_STYLE = Object.freeze({});

/** Column letters A, B, … Z, AA … for the sheet's columns. */
export function columnLetters(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    let n = i + 1;
    let s = '';
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  });
}

/**
 * Turns typed cell values into row models. `styles[i]` is shared by every
 * cell of column i: exceljs registers a style once per distinct object.
 */
export function rowModeler(types: ValueTypes, kinds: readonly ColumnKind[], styles: readonly object[]) {
  const letters = columnLetters(kinds.length);
  return (number: number, values: readonly CellValue[]): RowModel => {
    const cells: CellModel[] = [];
    let min = 0;
    let max = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      // Empty cells stay absent, as ws.addRow leaves them.
      if (v === undefined || v === null || v === '') continue;
      const type =
        typeof v === 'string' ? types.String : typeof v === 'number' ? types.Number : typeof v === 'boolean' ? types.Boolean : types.Date;
      // Every field the writer sets later is declared here, so each model keeps one shape.
      cells.push({ address: `${letters[i]}${number}`, type, value: v, style: styles[i] ?? NO_STYLE, styleId: undefined, ssId: undefined });
      if (min === 0) min = i + 1;
      max = i + 1;
    }
    return { cells, number, min, max, style: NO_STYLE, height: undefined, hidden: false, outlineLevel: 0, collapsed: false };
  };
}

/**
 * The workbook's model (read once from exceljs's public `Workbook.model`) with
 * `rows` appended to the sheet named `sheetName`, pinned on the workbook so
 * `wb.xlsx.writeBuffer()` writes exactly that snapshot.
 */
export function pinModelWithRows(wb: { model: unknown }, sheetName: string, rows: readonly RowModel[]): void {
  const model = wb.model as { worksheets: SheetModel[] };
  const sheet = model.worksheets.find((w) => w.name === sheetName);
  if (!sheet) throw new Error(`no worksheet named ${sheetName}`);
  for (const row of rows) {
    sheet.rows.push(row);
    if (row.cells.length > 0) sheet.dimensions.expand(row.number, row.min, row.number, row.max);
  }
  Object.defineProperty(wb, 'model', { value: model, configurable: true });
}
