// Refuses to start an older Turnout over a data folder a newer one used. Chromium
// cannot read an IndexedDB written by a newer Chromium and discards it
// (electron/electron#38616, #26758); Dexie refuses a newer schema too. Either way a
// downgrade would lose the kiosk's unsent check-ins, so main checks before any
// window opens (and before anything touches IndexedDB) and quits with a message
// instead. The newest app and Chromium versions that ran are kept in
// <userData>/turnout-version.json; an upgrade or the same version moves them on.
// The Windows installer refuses the same downgrade earlier (resources/installer.nsh).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { realFs, writeFileDurably, type FsLike } from './files';

export const VERSION_FILE = 'turnout-version.json';

const RecordSchema = z.object({ appVersion: z.string().min(1), chromeVersion: z.string(), at: z.string() });
export type VersionRecord = z.infer<typeof RecordSchema>;

/** -1, 0 or 1: semantic versions (x.y.z with an optional -prerelease, which sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.trim().replace(/^v/, '').split('+')[0]!.split(/-(.*)/s);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length, 3); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1; // 1.0.0 > 1.0.0-beta
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

const major = (chrome: string): number => Number.parseInt(chrome.split('.')[0] ?? '', 10) || 0;

export type VersionCheck =
  | { ok: true; previous: VersionRecord | null }
  | { ok: false; previous: VersionRecord; reason: 'app_downgrade' | 'chromium_downgrade'; message: string };

/** Pure: may this build (`app`, `chrome`) open a data folder last used by `previous`? */
export function checkDowngrade(previous: VersionRecord | null, app: string, chrome: string): VersionCheck {
  if (!previous) return { ok: true, previous };
  if (compareVersions(app, previous.appVersion) < 0) {
    return {
      ok: false,
      previous,
      reason: 'app_downgrade',
      message: `This is Turnout ${app}, but Turnout ${previous.appVersion} already used this kiosk's data. Starting an older version could discard unsent check-ins. Install ${previous.appVersion} or newer.`,
    };
  }
  // Same or newer app, but an older Chromium (a rebuilt older Electron): its IndexedDB may not open the newer files.
  if (chrome && previous.chromeVersion && major(chrome) < major(previous.chromeVersion)) {
    return {
      ok: false,
      previous,
      reason: 'chromium_downgrade',
      message: `This build runs Chromium ${chrome}, older than the ${previous.chromeVersion} that wrote this kiosk's data; Chromium would discard the newer database. Install a build with Chromium ${major(previous.chromeVersion)} or newer.`,
    };
  }
  return { ok: true, previous };
}

export interface VersionGuardOptions {
  file: string;
  appVersion: string;
  chromeVersion: string;
  now?: () => number;
  fs?: FsLike;
  read?: (file: string) => Promise<string>;
}

/** Reads the record, checks, and on success records this version (never moving the record backwards). */
export async function guardAgainstDowngrade(options: VersionGuardOptions): Promise<VersionCheck> {
  const read = options.read ?? ((file: string) => readFile(file, 'utf8'));
  let previous: VersionRecord | null;
  try {
    const parsed = RecordSchema.safeParse(JSON.parse(await read(options.file)));
    previous = parsed.success ? parsed.data : null;
  } catch {
    previous = null; // first start, or an unreadable record: nothing to compare against
  }
  const verdict = checkDowngrade(previous, options.appVersion, options.chromeVersion);
  if (!verdict.ok) return verdict;
  const same = previous && previous.appVersion === options.appVersion && previous.chromeVersion === options.chromeVersion;
  if (!same) {
    const record: VersionRecord = { appVersion: options.appVersion, chromeVersion: options.chromeVersion, at: new Date((options.now ?? Date.now)()).toISOString() };
    await writeFileDurably(options.file, new TextEncoder().encode(JSON.stringify(record, null, 2)), options.fs ?? realFs, 0o644);
  }
  return verdict;
}
