// Journal compaction: a day file goes only as a whole, only once its day is older
// than the retention AND the server acknowledged every check-in in it. A file
// with an unreadable line is kept (that line might be an unacknowledged check-in)
// and reported. The acks log is then rewritten without the ids that left with the
// removed files (temp file, fsync, rename, fsync of the folder).
import { constants } from 'node:fs';
import { join } from 'node:path';
import { ACKS_FILE, DAY_FILE, encodeLine, JournalError, readJournalFile, type JournalFs } from './journal-format';
import type { JournalProblem } from '../core/kiosk-api';

export interface CompactResult {
  /** Days before this one (UTC day of now − retention) were eligible. */
  cutoffDay: string;
  removedFiles: string[];
  removedEntries: number;
  /** Eligible by age but kept, and why. */
  kept: { file: string; reason: string }[];
}

/** What compaction needs from the Journal that runs it (inside its queue). */
export interface CompactHost {
  dir: string;
  fs: JournalFs;
  label(name: string): string;
  names(): Promise<string[]>;
  /** The live set of acknowledged ids; compaction removes the ids it drops. */
  acked(): Promise<Set<string>>;
  /** Closes the file's handle if open, so it can be removed or replaced. */
  forget(name: string): Promise<void>;
  syncDir(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const IDS_PER_ACK_LINE = 1000;

export function cutoffDay(retentionDays: number, now: number): string {
  return new Date(now - retentionDays * DAY_MS).toISOString().slice(0, 10);
}

export async function compactJournal(host: CompactHost, retentionDays: number, now: number): Promise<CompactResult> {
  if (!Number.isFinite(retentionDays) || retentionDays < 0) throw new JournalError('bad_input', `retentionDays must be a number ≥ 0, got ${retentionDays}`);
  const cutoff = cutoffDay(retentionDays, now);
  const acked = await host.acked();
  const result: CompactResult = { cutoffDay: cutoff, removedFiles: [], removedEntries: 0, kept: [] };
  const droppedIds: string[] = [];
  for (const name of await host.names()) {
    const day = DAY_FILE.exec(name)?.[1];
    if (day === undefined || day >= cutoff) continue;
    const path = join(host.dir, name);
    const problems: JournalProblem[] = [];
    const ids: string[] = [];
    await readJournalFile(path, host.label(name), problems, (d) => {
      if (d.key === 'c') ids.push(d.checkIn.id);
    });
    const unacked = ids.filter((id) => !acked.has(id)).length;
    if (problems.length > 0) {
      result.kept.push({ file: host.label(name), reason: `${problems.length} unreadable line(s); first at line ${problems[0]?.line}` });
      continue;
    }
    if (unacked > 0) {
      result.kept.push({ file: host.label(name), reason: `${unacked} of ${ids.length} check-in(s) not acknowledged by the server` });
      continue;
    }
    await host.forget(name);
    await host.fs.rm(path, { force: true });
    result.removedFiles.push(host.label(name));
    result.removedEntries += ids.length;
    droppedIds.push(...ids);
  }
  if (result.removedFiles.length === 0) return result;
  await host.syncDir();
  for (const id of droppedIds) acked.delete(id);
  await rewriteAcks(host, [...acked]);
  return result;
}

async function rewriteAcks(host: CompactHost, ids: string[]): Promise<void> {
  const target = join(host.dir, ACKS_FILE);
  await host.forget(ACKS_FILE);
  if (ids.length === 0) {
    await host.fs.rm(target, { force: true });
  } else {
    const lines: string[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_ACK_LINE) lines.push(encodeLine('a', ids.slice(i, i + IDS_PER_ACK_LINE)));
    const temp = join(host.dir, `.${ACKS_FILE}.${process.pid}.part`);
    const handle = await host.fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
    try {
      const buffer = Buffer.from(lines.join(''), 'utf8');
      for (let done = 0; done < buffer.length; ) {
        const { bytesWritten } = await handle.write(buffer, done, buffer.length - done, null);
        if (bytesWritten <= 0) throw new JournalError('io_error', 'could not rewrite the acks log: the disk accepted no more bytes');
        done += bytesWritten;
      }
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await host.fs.rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    await host.fs.rename(temp, target);
  }
  await host.syncDir();
}
