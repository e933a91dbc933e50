// The CLI's signing commands (`keys`, `issue`; server/cli.ts dispatches): the
// people to issue for — a count, or a roster file read by the roster import's own
// reader — and what each command prints. Kept apart from the issuing itself
// (issue.ts), which the admin API shares.

import { readFileSync, statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { CATEGORIES, type Category } from '../../core/model';
import { parseRosterFile, RosterFileError } from '../../core/roster-file';
import type { Database } from '../db/schema-types';
import { iconvCp949 } from '../import/cp949';
import { readFirstSheetStreaming } from '../import/xlsx-sheet';
import { getEventInfo } from '../repo/events';
import { issueTickets, personFields, type IssueInput } from './issue';
import { writeIssueFolder } from './issue-files';
import { listSigningKeys, retireKey, rotateKey } from './keys';
import { SigningKeyLockedError } from './seal';

/** How a command talks: a line out, or a message and exit 1 (never returns). */
export interface CliIo {
  say(line?: string): void;
  fail(message: string): never;
}

/** `--count N`: N tickets without names (a door sale, a guest list filled in later). */
function countPeople(io: CliIo, count: string, category = 'visitor'): IssueInput[] {
  const n = Number(count);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) io.fail('--count must be a whole number from 1 to 100000');
  if (!(CATEGORIES as readonly string[]).includes(category)) io.fail(`--category must be one of ${CATEGORIES.join(', ')}`);
  return Array.from({ length: n }, () => ({ name: '', company: '', category: category as Category, programmes: [] }));
}

/** `--roster FILE`: the roster import's own reader (CSV in UTF-8/CP949, or XLSX); each row's code becomes its ref. */
async function rosterPeople(io: CliIo, file: string, timeZone: string, maxBytes: number): Promise<IssueInput[]> {
  const size = statSync(file).size;
  if (size > maxBytes) io.fail(`${file}: ${size} bytes, more than the ${maxBytes}-byte import limit.`);
  let parsed;
  try {
    parsed = await parseRosterFile(readFileSync(file), { timeZone, readSheet: readFirstSheetStreaming, decodeCp949: iconvCp949, maxBytes });
  } catch (err) {
    if (err instanceof RosterFileError) io.fail(`${file}: ${err.message}`);
    throw err;
  }
  for (const e of parsed.errors) io.say(`  ${parsed.format === 'xlsx' ? 'row' : 'line'} ${e.line}: ${e.message} (not issued)`);
  if (parsed.errors.length) process.exitCode = 2;
  return parsed.tickets.map((t) => ({ ref: t.code, ...personFields(t) }));
}

/** `keys <event> [--rotate | --retire KEYID]`: rotate or retire, then list the event's keys. */
export async function keysCommand(
  io: CliIo,
  db: Kysely<Database>,
  kek: Buffer | undefined,
  eventId: string,
  opts: { rotate?: boolean; retire?: string },
): Promise<void> {
  if (!(await getEventInfo(db, eventId))) io.fail(`No event ${eventId}`);
  if (opts.rotate) {
    const key = (await rotateKey(db, eventId, kek))!;
    io.say(`${key.keyId} now signs new tickets of ${eventId}; older keys still verify until retired`);
  } else if (opts.retire) {
    const result = await retireKey(db, eventId, opts.retire);
    if (!result.ok) io.fail(result.error === 'active_key' ? `${opts.retire} signs new tickets: rotate first` : `No key ${opts.retire} in ${eventId}`);
    io.say(`${opts.retire} retired: kiosks stop accepting codes it signed at their next config sync`);
  }
  for (const k of await listSigningKeys(db, eventId)) io.say(`${k.keyId}\t${k.status}\t${k.publicKey}\t${k.createdAt}${k.retiredAt ? `\tretired ${k.retiredAt}` : ''}`);
}

/** `issue <event> (--count N [--category C] | --roster FILE) --out DIR`; exit code 2 when some were not issued. */
export async function issueCommand(
  io: CliIo,
  db: Kysely<Database>,
  settings: { kek: Buffer | undefined; importBodyLimit: number },
  eventId: string,
  opts: { out: string; count?: string; category?: string; roster?: string },
): Promise<void> {
  const event = (await getEventInfo(db, eventId)) ?? io.fail(`No event ${eventId}`);
  const people = opts.roster ? await rosterPeople(io, opts.roster, event.timeZone, settings.importBodyLimit) : countPeople(io, opts.count!, opts.category);
  const started = Date.now();
  let result;
  try {
    result = await issueTickets(db, eventId, people, settings.kek);
  } catch (err) {
    if (err instanceof SigningKeyLockedError) io.fail(err.message);
    throw err;
  }
  for (const e of result.errors) io.say(`  ticket ${e.index + 1} (${people[e.index]!.ref ?? people[e.index]!.name}): not issued: ${e.message}`);
  const files = await writeIssueFolder(opts.out, result.issued, `${event.name.ko} · ${event.name.en}`);
  io.say(
    `issued ${result.issued.length} tickets of ${eventId} (key ${result.issued[0]?.keyId ?? '-'}) in ${((Date.now() - started) / 1000).toFixed(1)} s into ${files.dir}: ` +
      `qr/*.png, qr/*.svg, tickets.csv, sheet.pdf (${(files.pdfBytes / 1024).toFixed(0)} KB)`,
  );
  if (result.revoked.length) io.say(`revoked ${result.revoked.length} older code(s) of re-issued tickets`);
  if (result.errors.length) process.exitCode = 2;
}
