// The shell's copy of the kiosk's pairing, in <userData>/pairing.json: the page's
// pairing (server, device id, bearer token) lives in IndexedDB, and Chromium can
// reset a whole IndexedDB (disk full, electron#41877; an update, electron#38616).
// With this copy a reset kiosk pairs itself again and re-pulls its roster instead
// of waiting for staff with a new pairing code. The token is encrypted with
// Electron's safeStorage (DPAPI, Keychain, libsecret/kwallet) when the OS has a
// keyring; the file is owner-only (0600) and written atomically either way.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PairingCopySchema, type PairingCopy, type PairingCopyReceipt } from '../core/kiosk-api';
import { realFs, writeFileDurably, type FsLike } from './files';
import type { Logger } from './log';

/** The part of Electron's `safeStorage` the vault uses (injected: tests run without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means a fixed key (obfuscation, not encryption). */
  getSelectedStorageBackend?: () => string;
}

const EnvelopeSchema = z.discriminatedUnion('protection', [
  z.strictObject({ v: z.literal(1), protection: z.enum(['keychain', 'obfuscated']), data: z.base64() }),
  z.strictObject({ v: z.literal(1), protection: z.literal('plain'), pairing: z.unknown() }),
]);

export interface PairingVault {
  save(pairing: PairingCopy): Promise<PairingCopyReceipt>;
  /** The kept pairing; null when there is none or it cannot be read back (logged, never thrown). */
  load(): Promise<PairingCopy | null>;
  clear(): Promise<void>;
}

export interface PairingVaultOptions {
  file: string;
  log: Logger;
  /** Electron's safeStorage; omitted (or throwing): the copy is kept plain, owner-only. */
  safeStorage?: SafeStorageLike;
  fs?: FsLike;
  read?: (file: string) => Promise<string>;
}

function protectionOf(safe: SafeStorageLike | undefined): PairingCopyReceipt['protection'] {
  try {
    if (!safe?.isEncryptionAvailable()) return 'plain';
    return safe.getSelectedStorageBackend?.() === 'basic_text' ? 'obfuscated' : 'keychain';
  } catch {
    return 'plain';
  }
}

export function createPairingVault(options: PairingVaultOptions): PairingVault {
  const read = options.read ?? ((file: string) => readFile(file, 'utf8'));
  // One write at a time, in call order: a clear after a save must win.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    async save(pairing) {
      const copy = PairingCopySchema.parse(pairing);
      return serial(async () => {
        const safe = options.safeStorage;
        const protection = protectionOf(safe);
        const envelope =
          protection === 'plain' || !safe
            ? { v: 1 as const, protection: 'plain' as const, pairing: copy }
            : { v: 1 as const, protection, data: safe.encryptString(JSON.stringify(copy)).toString('base64') };
        await writeFileDurably(options.file, new TextEncoder().encode(JSON.stringify(envelope)), options.fs ?? realFs, 0o600);
        options.log.info('pairing copy kept', { protection: envelope.protection, deviceId: copy.deviceId });
        return { protection: envelope.protection };
      });
    },
    load() {
      return serial(async () => {
        let text: string;
        try {
          text = await read(options.file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.log.warn('pairing copy unreadable', { error: String(error) });
          return null;
        }
        try {
          const envelope = EnvelopeSchema.parse(JSON.parse(text));
          let raw: unknown;
          if (envelope.protection === 'plain') raw = envelope.pairing;
          else if (!options.safeStorage) throw new Error('the copy is encrypted and safeStorage is not available');
          else raw = JSON.parse(options.safeStorage.decryptString(Buffer.from(envelope.data, 'base64')));
          return PairingCopySchema.parse(raw);
        } catch (error) {
          // A copy another user's keyring encrypted, or a damaged file: staff pair again.
          options.log.error('pairing copy invalid; ignoring it', { error: error instanceof Error ? error.message : String(error) });
          return null;
        }
      });
    },
    clear() {
      return serial(async () => {
        await (options.fs ?? realFs).rm(options.file, { force: true });
        options.log.info('pairing copy removed');
      });
    },
  };
}
