// The shell's own settings, in <userData>/shell-settings.json: start at login, the
// export folder, and the staff PIN's PBKDF2 record. Read once at start (a corrupt
// file falls back to defaults and is logged), written atomically with mode 0600.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileDurably, type FsLike, realFs } from './files';
import type { Logger } from './log';

export const PinRecordSchema = z.object({
  algo: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().min(1),
  salt: z.string().min(1),
  hash: z.string().min(1),
});
export type PinRecord = z.infer<typeof PinRecordSchema>;

export const StoredSettingsSchema = z.object({
  startAtLogin: z.boolean().default(false),
  exportDir: z.string().nullable().default(null),
  staffPin: PinRecordSchema.nullable().default(null),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

export const DEFAULT_SETTINGS: StoredSettings = { startAtLogin: false, exportDir: null, staffPin: null };

export interface SettingsStore {
  get(): StoredSettings;
  update(patch: Partial<StoredSettings>): Promise<StoredSettings>;
}

export function parseSettings(text: string | null, log?: Logger): StoredSettings {
  if (text === null) return { ...DEFAULT_SETTINGS };
  try {
    const parsed = StoredSettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    log?.error('shell settings invalid; using defaults', { issues: parsed.error.issues.length });
  } catch (error) {
    log?.error('shell settings unreadable; using defaults', { error: String(error) });
  }
  return { ...DEFAULT_SETTINGS };
}

export function createSettingsStore(options: {
  file: string;
  log?: Logger;
  read?: (file: string) => string | null;
  fs?: FsLike;
}): SettingsStore {
  const read =
    options.read ??
    ((file: string) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    });
  let current = parseSettings(read(options.file), options.log);
  let writes: Promise<unknown> = Promise.resolve();
  return {
    get: () => current,
    update(patch) {
      const next = StoredSettingsSchema.parse({ ...current, ...patch });
      current = next;
      const write = writes.then(() =>
        writeFileDurably(options.file, new TextEncoder().encode(JSON.stringify(next, null, 2)), options.fs ?? realFs, 0o600),
      );
      writes = write.catch(() => undefined);
      return write.then(() => next);
    },
  };
}
