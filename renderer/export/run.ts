// Staff exports from the kiosk: the day's check-ins (CSV), the day's tallies
// (CSV) or both as one XLSX workbook, read from IndexedDB in chunks with
// progress, then handed to the platform's saveFile (a save dialog or the export
// folder in Electron, a download in a browser).
import { tallyTables, type TallyTable } from '../../core/export';
import type { Result, SavedFile } from '../../core/kiosk-api';
import type { DayTallies } from '../../core/tally';
import type { EventConfig, TurnoutDb } from '../storage/db';
import { countDay, readDay } from '../storage/day-checkins';
import { getPlatform } from '../platform';
import { checkinsCsv, talliesCsvBytes } from './csv';
import { exportRow } from './rows';

export type ExportKind = 'checkins-csv' | 'tallies-csv' | 'xlsx';

export interface ExportProgress {
  phase: 'reading' | 'packing' | 'saving';
  done: number;
  total: number;
}

export interface ExportRequest {
  db: TurnoutDb;
  kind: ExportKind;
  day: string;
  config: EventConfig;
  tallies: DayTallies;
  lang: 'ko' | 'en';
  onProgress?: (p: ExportProgress) => void;
}

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'event';

export function exportFileName(eventId: string, day: string, kind: ExportKind): string {
  const stem = `turnout-${safe(eventId)}-${day}`;
  return kind === 'xlsx' ? `${stem}.xlsx` : kind === 'tallies-csv' ? `${stem}-tallies.csv` : `${stem}-checkins.csv`;
}

export function namedTables(t: DayTallies, config: EventConfig, lang: 'ko' | 'en'): TallyTable[] {
  const cps = new Map(config.checkpoints.map((c) => [c.id, c.name[lang]]));
  const progs = new Map(config.programmes.map((p) => [p.id, p.name[lang]]));
  return tallyTables(t, { checkpoint: (id) => cps.get(id) ?? id, programme: (id) => progs.get(id) ?? id });
}

/** Builds the file and saves it through the platform. */
export async function runExport(req: ExportRequest): Promise<Result<SavedFile>> {
  const { db, kind, day, config, lang } = req;
  const name = exportFileName(config.event.id, day, kind);
  const tables = namedTables(req.tallies, config, lang);
  let bytes: Uint8Array;
  let mime: string;
  if (kind === 'tallies-csv') {
    bytes = talliesCsvBytes(tables);
    mime = 'text/csv; charset=utf-8';
  } else {
    const total = await countDay(db, day);
    const report = (phase: ExportProgress['phase'], done: number) => req.onProgress?.({ phase, done, total });
    report('reading', 0);
    const cpNames = new Map(config.checkpoints.map((c) => [c.id, c.name[lang]]));
    async function* rows() {
      for await (const { checkins, tickets, voids } of readDay(db, day)) {
        yield checkins.map((c) => exportRow(c, { ticket: (code) => tickets.get(code), checkpoint: (id) => cpNames.get(id) }, voids.get(c.id)));
      }
    }
    if (kind === 'checkins-csv') {
      bytes = await checkinsCsv(rows(), (done) => report('reading', done));
      mime = 'text/csv; charset=utf-8';
    } else {
      // Loaded on first use only: exceljs is a separate chunk, packed in a worker.
      const [{ buildXlsxOffThread }, { XLSX_MIME }] = await Promise.all([import('./xlsx-off-thread'), import('./xlsx')]);
      bytes = await buildXlsxOffThread({
        timeZone: config.event.timeZone,
        tallies: tables,
        checkins: rows(),
        onProgress: (done) => report('reading', done),
        onPacking: () => report('packing', total),
      });
      mime = XLSX_MIME;
    }
    report('saving', total);
  }
  return getPlatform().saveFile(name, bytes, mime);
}
