// The journal's line format and its streaming reader. One JSON object per line,
// `{"v":1,"crc":"<crc32 hex of the payload>","c":<check-in>}` (day files) or
// `…,"a":[ids]}` (the acks log), so a line is checked without trusting its JSON:
// the payload is the exact bytes between the head and the final `}`. A file's last
// line without its newline is a torn write (power cut mid-append) and is reported,
// never used; neither is a line whose checksum fails. Nothing here throws for bad
// data. Also the journal's error type and the slice of node:fs it runs on.
import { createReadStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { JournalProblem } from '../core/kiosk-api';
import type { CheckIn } from '../core/model';

export const FORMAT_VERSION = 1;
/** `c`: a check-in (day files); `a`: acknowledged ids (acks log). */
export type LineKey = 'c' | 'a';

const HEAD = /^\{"v":1,"crc":"([0-9a-f]{8})","([ca])":$/;
/** `{"v":1,"crc":"xxxxxxxx","c":` — every line's head has this length. */
const HEAD_BYTES = 28;

export function checksum(payload: string | Uint8Array): string {
  return (crc32(payload) >>> 0).toString(16).padStart(8, '0');
}

/** One journal line, newline included. */
export function encodeLine(key: LineKey, value: unknown): string {
  const payload = JSON.stringify(value);
  return `{"v":${FORMAT_VERSION},"crc":"${checksum(payload)}","${key}":${payload}}\n`;
}

export type Decoded =
  | { ok: true; key: 'c'; checkIn: CheckIn }
  | { ok: true; key: 'a'; ids: string[] }
  | { ok: false; kind: JournalProblem['kind']; detail: string };

const DIRECTIONS = new Set(['entry', 'exit']);
const VERDICTS = new Set(['accepted', 'rejected']);
const STATES = new Set(['pending', 'stored', 'duplicate', 'conflict']);
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * The shape check for a line whose checksum passed: such a line was validated
 * against CheckInSchema by main before it was written, so reading checks the
 * fields recovery relies on, quickly (boot reads every line).
 */
function asCheckIn(value: unknown): CheckIn | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  const ok =
    str(c.id) && str(c.code) && str(c.checkpointId) && str(c.deviceId) && str(c.scannedAt) &&
    typeof c.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.day) &&
    DIRECTIONS.has(c.direction as string) && VERDICTS.has(c.verdict as string) && STATES.has(c.syncState as string);
  return ok ? (value as CheckIn) : null;
}

/** Checks and parses one line (without its newline). */
export function decodeLine(line: string | Buffer): Decoded {
  const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
  const head = bytes.length > HEAD_BYTES ? HEAD.exec(bytes.toString('latin1', 0, HEAD_BYTES)) : null;
  if (!head) return { ok: false, kind: 'malformed', detail: 'not a journal line' };
  // A torn tail that a later append (which starts on a fresh line) left mid-file.
  if (bytes[bytes.length - 1] !== 0x7d) return { ok: false, kind: 'torn', detail: 'line cut short: an append that never finished' };
  const payload = bytes.subarray(HEAD_BYTES, bytes.length - 1);
  const sum = checksum(payload);
  if (sum !== head[1]) return { ok: false, kind: 'checksum', detail: `checksum mismatch (expected ${head[1]}, got ${sum})` };
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return { ok: false, kind: 'malformed', detail: 'payload is not JSON' };
  }
  if (head[2] === 'a') {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { ok: true, key: 'a', ids: value };
    return { ok: false, kind: 'malformed', detail: 'acks line without a list of ids' };
  }
  const checkIn = asCheckIn(value);
  return checkIn ? { ok: true, key: 'c', checkIn } : { ok: false, kind: 'malformed', detail: 'not a check-in' };
}

export interface RawLine {
  bytes: Buffer;
  /** 1-based. */
  line: number;
  /** Ended with a newline; false only for a torn last line. */
  complete: boolean;
}

/** Streams the lines of the first `limit` bytes of a file (default: all of it), in 1 MiB chunks. */
export async function* readLines(path: string, limit = Infinity): AsyncGenerator<RawLine> {
  if (limit <= 0) return;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024, ...(Number.isFinite(limit) ? { end: limit - 1 } : {}) });
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf: Buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl !== -1; nl = buf.indexOf(0x0a, start)) {
      line += 1;
      if (nl > start) yield { bytes: buf.subarray(start, nl), line, complete: true };
      start = nl + 1;
    }
    rest = buf.subarray(start);
  }
  if (rest.length > 0) yield { bytes: rest, line: line + 1, complete: false };
}

/** Reads one journal file: each usable decoded line goes to `onLine`, each bad one to `problems`. */
export async function readJournalFile(
  path: string,
  label: string,
  problems: JournalProblem[],
  onLine: (decoded: Extract<Decoded, { ok: true }>, line: number) => void,
  limit = Infinity,
): Promise<void> {
  for await (const raw of readLines(path, limit)) {
    if (!raw.complete) {
      problems.push({ file: label, line: raw.line, kind: 'torn', detail: `last line cut short (${raw.bytes.length} bytes, no newline): an append that never finished` });
      continue;
    }
    const decoded = decodeLine(raw.bytes);
    if (decoded.ok) onLine(decoded, raw.line);
    else problems.push({ file: label, line: raw.line, kind: decoded.kind, detail: decoded.detail });
  }
}

export interface JournalFileHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/** The slice of node:fs/promises the journal uses; tests wrap it to count fsyncs or inject failures. */
export interface JournalFs {
  open(path: string, flags: string | number, mode?: number): Promise<JournalFileHandle>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number }>;
  rm(path: string, options?: { force?: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export type JournalErrorCode = 'disk_full' | 'io_error' | 'bad_input';

/** A failed journal operation, with a message staff and logs can use as is. */
export class JournalError extends Error {
  override readonly name = 'JournalError';
  constructor(
    readonly code: JournalErrorCode,
    message: string,
    readonly errno?: string,
  ) {
    super(message);
  }
}

export const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
export const ACKS_FILE = 'acks.jsonl';

export function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

export function toJournalError(error: unknown, what: string): JournalError {
  if (error instanceof JournalError) return error;
  const errno = errnoOf(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return new JournalError('disk_full', `${what}: no space left on the disk (${errno})`, errno);
  return new JournalError('io_error', `${what}: ${reason}`, errno);
}
