// buildXlsx in a Web Worker where the page has one (the kiosk), so packing a
// large day never freezes scanning; in place where it has none (Node tests).
// Same input and output as buildXlsx.
import type { FromWorker, ToWorker } from './xlsx.worker';
import { buildXlsx, type XlsxInput } from './xlsx';

export async function buildXlsxOffThread(input: XlsxInput): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return buildXlsx(input);
  const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module', name: 'turnout-xlsx' });
  const send = (m: ToWorker) => worker.postMessage(m);
  try {
    const result = new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === 'progress') input.onProgress?.(m.done);
        else if (m.type === 'packing') input.onPacking?.();
        else if (m.type === 'done') resolve(m.bytes);
        else reject(new Error(m.message));
      };
      worker.onerror = (e) => reject(new Error(e.message || 'the export worker failed'));
    });
    send({ type: 'start', timeZone: input.timeZone, tallies: [...input.tallies] });
    // Rows are read here (IndexedDB, in chunks) and handed over chunk by chunk.
    const feeding = (async () => {
      for await (const chunk of input.checkins) send({ type: 'rows', rows: [...chunk] });
      send({ type: 'end' });
    })();
    const [bytes] = await Promise.all([result, feeding]);
    return bytes;
  } finally {
    worker.terminate();
  }
}
