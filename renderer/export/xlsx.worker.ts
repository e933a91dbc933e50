// The XLSX build off the kiosk's main thread: rows arrive in chunks by message,
// buildXlsx (xlsx.ts, the same code Node tests and benchmarks run) fills and
// packs the workbook here, and the bytes go back as a transfer. Scans keep
// being decided and stored on the main thread while a large day is packed.
import type { CheckinExportRow, TallyTable } from '../../core/export';
import { buildXlsx } from './xlsx';

export type ToWorker =
  | { type: 'start'; timeZone: string; tallies: TallyTable[] }
  | { type: 'rows'; rows: CheckinExportRow[] }
  | { type: 'end' };

export type FromWorker =
  | { type: 'progress'; done: number }
  | { type: 'packing' }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker, transfer?: Transferable[]): void };

// Chunks wait here until buildXlsx asks for the next one.
const queue: (CheckinExportRow[] | null)[] = [];
let wake: (() => void) | null = null;

async function* chunks(): AsyncGenerator<CheckinExportRow[]> {
  for (;;) {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const next = queue.shift();
    if (!next) return;
    yield next;
  }
}

function push(item: CheckinExportRow[] | null): void {
  queue.push(item);
  wake?.();
  wake = null;
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'rows') return push(msg.rows);
  if (msg.type === 'end') return push(null);
  buildXlsx({
    timeZone: msg.timeZone,
    tallies: msg.tallies,
    checkins: chunks(),
    onProgress: (done) => scope.postMessage({ type: 'progress', done }),
    onPacking: () => scope.postMessage({ type: 'packing' }),
  }).then(
    (bytes) => scope.postMessage({ type: 'done', bytes }, [bytes.buffer]),
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
