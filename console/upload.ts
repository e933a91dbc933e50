// Roster upload with progress: XMLHttpRequest, because fetch reports no upload
// progress. The file goes as it is — CSV or XLSX bytes, never decoded here —
// so the server reads its encoding and sheets; its answer is checked with the
// protocol's ImportResult schema.
import { ImportResult } from '../core/protocol';
import { ApiFailure, csrfToken } from './api';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type a roster file is sent with, from its name (browsers often leave File.type empty for CSV). */
export function rosterContentType(file: Pick<File, 'name' | 'type'>): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  return 'text/csv';
}

export function uploadRoster(eventId: string, file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/v1/admin/events/${encodeURIComponent(eventId)}/tickets/import`);
    xhr.setRequestHeader('content-type', rosterContentType(file));
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new ApiFailure(0, 'network', 'The server could not be reached'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status !== 200) {
        const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
        reject(new ApiFailure(xhr.status, e?.code ?? 'http', e?.message ?? `HTTP ${xhr.status}`));
        return;
      }
      const parsed = ImportResult.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiFailure(xhr.status, 'bad_response', 'Unexpected answer to the import'));
    };
    xhr.send(file);
  });
}
