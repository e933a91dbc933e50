// Checks an XLSX (a ZIP) before any spreadsheet library opens it: it must be a
// plain ZIP holding a workbook, and its entries must really unpack to no more
// than a budget. A 32 MB upload can declare tiny sizes and inflate to tens of
// gigabytes (a "zip bomb"); exceljs would inflate it whole and take the server
// or the kiosk page down with it. So every entry is inflated here once, through
// the platform's streaming DecompressionStream (Node 18+ and Chromium), counting
// bytes and stopping at the budget. The entries must also lie back to back from
// the first byte to the central directory, so a reader that walks the local
// headers (exceljs's streaming reader) sees exactly the entries checked here.

export class ZipCheckError extends Error {
  constructor(
    readonly kind: 'not_zip' | 'not_xlsx' | 'too_large' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'ZipCheckError';
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

function corrupt(detail: string): ZipCheckError {
  return new ZipCheckError('corrupt', `The workbook is damaged (${detail}). Open it in Excel and save it again.`);
}

function directory(bytes: Uint8Array): { entries: Entry[]; cdOffset: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no ZIP directory');
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw corrupt('ZIP64 is not supported');
  if (cdOffset + cdSize > eocd) throw corrupt('directory out of range');
  const entries: Entry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL) throw corrupt('bad directory entry');
    const nameLength = u16(at + 28);
    const entry: Entry = {
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      uncompressedSize: u32(at + 24),
      localOffset: u32(at + 42),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return { entries, cdOffset };
}

/** Where an entry's data starts, after checking its local header agrees with the directory. */
function dataStart(bytes: Uint8Array, e: Entry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== LOCAL) throw corrupt('bad local header');
  const nameLength = view.getUint16(e.localOffset + 26, true);
  const name = new TextDecoder().decode(bytes.subarray(e.localOffset + 30, e.localOffset + 30 + nameLength));
  if (name !== e.name) throw corrupt('local header names another file');
  return e.localOffset + 30 + nameLength + view.getUint16(e.localOffset + 28, true);
}

/** Bytes after an entry's data before the next header: none, or a data descriptor (12 bytes, 16 with its signature). */
function descriptorLength(bytes: Uint8Array, end: number, e: Entry): number {
  if ((e.flags & 0x08) === 0) return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return end + 4 <= bytes.length && view.getUint32(end, true) === DESCRIPTOR ? 16 : 12;
}

async function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return size;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return size;
      }
    }
  } catch {
    throw corrupt('a part does not unpack');
  }
}

/**
 * Throws ZipCheckError unless `bytes` is a ZIP with `xl/workbook.xml` whose
 * entries, inflated for real, come to at most `maxUnpacked` bytes in all.
 */
export async function checkXlsxZip(bytes: Uint8Array, maxUnpacked: number): Promise<void> {
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new ZipCheckError('not_zip', 'Not a ZIP file.');
  }
  const { entries, cdOffset } = directory(bytes);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new ZipCheckError('not_xlsx', 'This ZIP file is not an Excel workbook (.xlsx): it has no xl/workbook.xml.');
  }
  const tooLarge = () =>
    new ZipCheckError(
      'too_large',
      `The workbook unpacks to more than ${Math.round(maxUnpacked / 1024 / 1024)} MB. Split the roster into smaller files, or save it as CSV.`,
    );
  let total = 0;
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== expected) throw corrupt('unlisted data between parts');
    const start = dataStart(bytes, e);
    const end = start + e.compressedSize;
    if (end > cdOffset) throw corrupt('a part runs past the directory');
    if (e.uncompressedSize > maxUnpacked - total) throw tooLarge();
    const data = bytes.subarray(start, end);
    let size: number;
    if (e.method === 0) size = e.compressedSize;
    else if (e.method === 8) size = await inflatedSize(data, e.uncompressedSize);
    else throw corrupt(`compression method ${e.method}`);
    // More than declared is a bomb (inflating stopped there); less is damage.
    if (size > e.uncompressedSize) throw tooLarge();
    if (size !== e.uncompressedSize) throw corrupt('a part is shorter than declared');
    total += size;
    expected = end + descriptorLength(bytes, end, e);
  }
  if (expected !== cdOffset) throw corrupt('unlisted data before the directory');
}
