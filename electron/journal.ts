// The on-disk check-in journal: the second, independent copy of every check-in,
// for when Chromium loses IndexedDB (disk full, app updates). One append-only
// file per venue day, `<dir>/YYYY-MM-DD.jsonl`, plus an append-only acks log
// `<dir>/acks.jsonl` of ids the server stored. An append is one write of one whole
// line, then fsync (and fsync of the folder when the file is new), before it
// resolves; a failed append is cut back to the previous size so no partial line is
// left. Appends, acks and compaction run one at a time; reads take a snapshot of
// the files' sizes and stream them without blocking appends. Line format:
// journal-format.ts.
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { compactJournal, type CompactResult } from './journal-compact';
import { ACKS_FILE, DAY_FILE, encodeLine, errnoOf, JournalError, readJournalFile, toJournalError, type JournalFileHandle, type JournalFs } from './journal-format';
import type { JournalDump, JournalEntry, JournalProblem, JournalReceipt } from '../core/kiosk-api';
import type { CheckIn } from '../core/model';
import type { Logger } from './log';

export type { CompactResult };
export { JournalError };
export type { JournalFileHandle, JournalFs } from './journal-format';

export interface JournalOptions {
  /** The journal folder, e.g. `<userData>/journal`. Created on first append. */
  dir: string;
  /** Clock for compaction's default `now`. */
  now?: () => number;
  fs?: JournalFs;
  log?: Logger;
  /** Day files kept open at once (the current day, and a late one). */
  maxOpenFiles?: number;
}

interface OpenFile {
  handle: JournalFileHandle;
  size: number;
  /** The file ends without a newline (a torn line): the next append starts a fresh line. */
  needsNewline: boolean;
}

export class Journal {
  readonly dir: string;
  private readonly fs: JournalFs;
  private readonly now: () => number;
  private readonly log: Logger | undefined;
  private readonly maxOpen: number;
  private readonly open = new Map<string, OpenFile>();
  private queue: Promise<unknown> = Promise.resolve();
  private dirReady = false;
  private acked: Set<string> | null = null;

  constructor(options: JournalOptions) {
    this.dir = options.dir;
    this.fs = options.fs ?? (nodeFs as unknown as JournalFs);
    this.now = options.now ?? Date.now;
    this.log = options.log;
    this.maxOpen = options.maxOpenFiles ?? 3;
  }

  /** `journal/2025-09-10.jsonl`: how files are named in receipts and problems. */
  label(name: string): string {
    return `${basename(this.dir)}/${name}`;
  }

  /** Appends one check-in to its day's file; resolves once it is on disk. Rejects with a JournalError. */
  append(checkIn: CheckIn): Promise<JournalReceipt> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(checkIn.day)) return Promise.reject(new JournalError('bad_input', `day must be YYYY-MM-DD, got ${JSON.stringify(checkIn.day)}`));
    const name = `${checkIn.day}.jsonl`;
    return this.serial(async () => {
      const bytes = await this.appendLine(name, encodeLine('c', checkIn), `Could not journal check-in ${checkIn.id} to ${this.label(name)}`);
      return { id: checkIn.id, file: this.label(name), bytes };
    });
  }

  /** Records that the server stored these check-ins. Resolves once the acks log is on disk. */
  ack(ids: string[]): Promise<{ acked: number }> {
    return this.serial(async () => {
      const acked = await this.ackedSet();
      const fresh = [...new Set(ids)].filter((id) => !acked.has(id));
      if (fresh.length === 0) return { acked: 0 };
      await this.appendLine(ACKS_FILE, encodeLine('a', fresh), `Could not record ${fresh.length} acknowledgement(s) in ${this.label(ACKS_FILE)}`);
      for (const id of fresh) acked.add(id);
      return { acked: fresh.length };
    });
  }

  /** Every valid entry, oldest day first and in append order; bad lines are skipped and listed. */
  async readAll(): Promise<JournalDump> {
    const problems: JournalProblem[] = [];
    const entries: JournalEntry[] = [];
    const seen = new Set<string>();
    // Sizes are taken between appends, so a line being written is never read half-way.
    const { files, acked } = await this.serial(async () => ({ files: await this.snapshot(), acked: new Set(await this.ackedSet()) }));
    for (const { name, size } of files) {
      await readJournalFile(join(this.dir, name), this.label(name), problems, (d) => {
        if (d.key !== 'c' || seen.has(d.checkIn.id)) return;
        seen.add(d.checkIn.id);
        entries.push({ checkIn: d.checkIn, acked: acked.has(d.checkIn.id) });
      }, size);
    }
    if (problems.length > 0) this.log?.warn('journal lines skipped', { count: problems.length, first: problems[0] });
    return { entries, problems, files: files.length };
  }

  /** Removes whole day files older than the retention whose every entry the server acknowledged. */
  compact(retentionDays: number, now = this.now()): Promise<CompactResult> {
    return this.serial(async () => {
      const result = await compactJournal(this.compactHost(), retentionDays, now);
      if (result.removedFiles.length > 0) this.log?.info('journal compacted', { removed: result.removedFiles, entries: result.removedEntries });
      return result;
    });
  }

  /** Bytes and count of the journal's files (day files and the acks log). */
  async size(): Promise<{ bytes: number; files: number }> {
    let bytes = 0;
    let files = 0;
    for (const name of await this.names()) {
      const stat = await this.fs.stat(join(this.dir, name)).catch(() => null);
      if (!stat) continue;
      bytes += stat.size;
      files += 1;
    }
    return { bytes, files };
  }

  /** Closes the open files (at quit; a later append reopens them). */
  close(): Promise<void> {
    return this.serial(async () => {
      const files = [...this.open.values()];
      this.open.clear();
      await Promise.all(files.map((f) => f.handle.close().catch(() => undefined)));
    });
  }

  // ------------------------------------------------------------ internals

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendLine(name: string, line: string, what: string): Promise<number> {
    let file: OpenFile;
    try {
      file = await this.openFile(name);
    } catch (error) {
      throw toJournalError(error, what);
    }
    const buffer = Buffer.from(file.needsNewline ? `\n${line}` : line, 'utf8');
    const before = file.size;
    try {
      // One write for the whole line; a short write (the disk filled mid-way) is retried
      // for the rest so the real errno (ENOSPC) surfaces, then the line is cut back.
      let done = 0;
      while (done < buffer.length) {
        const { bytesWritten } = await file.handle.write(buffer, done, buffer.length - done, null);
        if (bytesWritten <= 0) throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
        done += bytesWritten;
      }
      await file.handle.sync();
    } catch (error) {
      await this.cutBack(name, file, before);
      const failure = toJournalError(error, what);
      this.log?.error('journal append failed', { file: this.label(name), code: failure.code, errno: failure.errno, message: failure.message });
      throw failure;
    }
    file.size = before + buffer.length;
    file.needsNewline = false;
    return file.size;
  }

  /** After a failed append: truncate to the size before it, so no partial line stays. */
  private async cutBack(name: string, file: OpenFile, size: number): Promise<void> {
    try {
      await file.handle.truncate(size);
      await file.handle.sync();
      file.size = size;
    } catch (error) {
      // Could not cut it back: drop the handle; reopening checks the tail and starts a fresh line.
      this.log?.error('journal could not cut back a failed append', { file: this.label(name), error: String(error) });
      this.open.delete(name);
      await file.handle.close().catch(() => undefined);
    }
  }

  private async openFile(name: string): Promise<OpenFile> {
    const cached = this.open.get(name);
    if (cached) {
      this.open.delete(name); // re-insert: most recently used last
      this.open.set(name, cached);
      return cached;
    }
    await this.ensureDir();
    const path = join(this.dir, name);
    const existed = await this.fs.stat(path).then(() => true, () => false);
    const handle = await this.fs.open(path, constants.O_APPEND | constants.O_CREAT | constants.O_RDWR, 0o600);
    try {
      if (!existed) await this.syncDir(this.dir);
      const { size } = await handle.stat();
      let needsNewline = false;
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        needsNewline = last[0] !== 0x0a;
      }
      const file: OpenFile = { handle, size, needsNewline };
      this.open.set(name, file);
      while (this.open.size > this.maxOpen) {
        const [oldest, evicted] = this.open.entries().next().value as [string, OpenFile];
        this.open.delete(oldest);
        await evicted.handle.close().catch(() => undefined);
      }
      return file;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  private async ensureDir(): Promise<void> {
    if (this.dirReady) return;
    const created = await this.fs.mkdir(this.dir, { recursive: true });
    if (created !== undefined) await this.syncDir(dirname(this.dir));
    this.dirReady = true;
  }

  /** fsync of a folder, so a new file's name survives a power cut. Windows cannot open folders: skipped there. */
  private async syncDir(path: string): Promise<void> {
    if (process.platform === 'win32') return;
    const handle = await this.fs.open(path, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  private async names(): Promise<string[]> {
    const all = await this.fs.readdir(this.dir).catch((error: unknown) => {
      if (errnoOf(error) === 'ENOENT') return [] as string[];
      throw error;
    });
    return all.filter((n) => DAY_FILE.test(n) || n === ACKS_FILE).sort();
  }

  /** Day files with their current sizes (known sizes for open files: appends in flight are excluded). */
  private async snapshot(): Promise<{ name: string; size: number }[]> {
    const out: { name: string; size: number }[] = [];
    for (const name of (await this.names()).filter((n) => DAY_FILE.test(n))) {
      const size = this.open.get(name)?.size ?? (await this.fs.stat(join(this.dir, name)).catch(() => null))?.size;
      if (size !== undefined) out.push({ name, size });
    }
    return out;
  }

  private async ackedSet(): Promise<Set<string>> {
    if (this.acked) return this.acked;
    const acked = new Set<string>();
    const problems: JournalProblem[] = [];
    const known = await this.names();
    if (known.includes(ACKS_FILE)) {
      await readJournalFile(join(this.dir, ACKS_FILE), this.label(ACKS_FILE), problems, (d) => {
        if (d.key === 'a') for (const id of d.ids) acked.add(id);
      });
    }
    if (problems.length > 0) this.log?.warn('journal acks lines skipped', { count: problems.length, first: problems[0] });
    this.acked = acked;
    return acked;
  }

  private compactHost() {
    return {
      dir: this.dir,
      fs: this.fs,
      label: (name: string) => this.label(name),
      names: () => this.names(),
      acked: () => this.ackedSet(),
      forget: async (name: string) => {
        const file = this.open.get(name);
        this.open.delete(name);
        await file?.handle.close().catch(() => undefined);
      },
      syncDir: () => this.syncDir(this.dir),
    };
  }
}
