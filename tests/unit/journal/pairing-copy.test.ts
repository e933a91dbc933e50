// The pairing's second home: main's vault on the real file system (safeStorage is
// an injected stand-in — Electron's cannot run here — that really transforms the
// bytes, so "the token is not in the file" is a meaningful check), its IPC
// channels, and the page side that restores a pairing IndexedDB lost
// (fake-indexeddb) and never restores a revoked one.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_CHANNELS, ok, type PairingCopy, type Result } from '../../../core/kiosk-api';
import type { InvokeEvent, ShellServices } from '../../../electron/ipc';
import { memoryLogger } from '../../../electron/log';
import { createPairingVault, type SafeStorageLike } from '../../../electron/pairing-vault';
import type { PlatformPairingCopy } from '../../../renderer/platform/types';
import { TurnoutDb } from '../../../renderer/storage/db';
import { reconcilePairingCopy } from '../../../renderer/storage/pairing-copy';
import { savePairing } from '../../../renderer/storage/replica';
import { loadPairing, SYNC_META } from '../../../renderer/storage/sync-meta';
import { registeredHandlers, stubShellServices } from '../../support/shell-services';
import { tempDir } from './helpers';

const PAIRING: PairingCopy = {
  server: 'https://turnout.kintex.example',
  deviceId: 'dev-7f3a',
  token: 'tok_6c1d0b6a9e2f4f0c8a1b',
  eventId: 'icw-2025',
  checkpointId: 'hall-a',
  name: 'Desk 7',
  pairedAt: '2025-09-10T08:55:00.000+09:00',
};

/** A keyring stand-in: XOR with a key, so the plaintext never reaches the file. */
function fakeKeyring(backend = 'gnome_libsecret'): SafeStorageLike & { key: number } {
  const key = 0x5a;
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    key,
    isEncryptionAvailable: () => true,
    encryptString: (s) => flip(Buffer.from(s, 'utf8')),
    decryptString: (b) => flip(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('pairing vault (main, real files)', () => {
  it('keeps the pairing encrypted, owner-only, and reads it back', async () => {
    const file = join(dir, 'pairing.json');
    const vault = createPairingVault({ file, log: memoryLogger(), safeStorage: fakeKeyring() });
    expect(await vault.save(PAIRING)).toEqual({ protection: 'keychain' });
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain(PAIRING.token);
    expect(raw).not.toContain(PAIRING.server);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await vault.load()).toEqual(PAIRING);
  });

  it('says when Linux has no keyring (basic_text) or there is no safeStorage at all', async () => {
    const obfuscated = createPairingVault({ file: join(dir, 'a.json'), log: memoryLogger(), safeStorage: fakeKeyring('basic_text') });
    expect(await obfuscated.save(PAIRING)).toEqual({ protection: 'obfuscated' });
    expect(await obfuscated.load()).toEqual(PAIRING);
    const plain = createPairingVault({ file: join(dir, 'b.json'), log: memoryLogger() });
    expect(await plain.save(PAIRING)).toEqual({ protection: 'plain' });
    expect(await plain.load()).toEqual(PAIRING);
  });

  it('answers null for no file, a damaged file or a copy it cannot decrypt, and logs why', async () => {
    const file = join(dir, 'pairing.json');
    const log = memoryLogger();
    const vault = createPairingVault({ file, log, safeStorage: fakeKeyring() });
    expect(await vault.load()).toBeNull();
    writeFileSync(file, '{"v":1,"protection":"keychain","data":"!!"}');
    expect(await vault.load()).toBeNull();
    await vault.save(PAIRING);
    const other = createPairingVault({ file, log, safeStorage: { ...fakeKeyring(), decryptString: () => 'not json' } });
    expect(await other.load()).toBeNull();
    expect(log.entries.filter((e) => e.level === 'error').length).toBe(2);
  });

  it('refuses a malformed pairing and clears in call order', async () => {
    const file = join(dir, 'pairing.json');
    const vault = createPairingVault({ file, log: memoryLogger(), safeStorage: fakeKeyring() });
    await expect(vault.save({ ...PAIRING, server: 'file:///etc' })).rejects.toThrow(/http\(s\) URL/);
    const saving = vault.save(PAIRING);
    const clearing = vault.clear();
    await Promise.all([saving, clearing]);
    expect(await vault.load()).toBeNull();
  });
});

describe('pairing channels (main side of window.kiosk)', () => {
  const APP_FRAME: InvokeEvent = { senderFrame: { url: 'app://kiosk/index.html', parent: null } };
  function register(overrides: Partial<ShellServices>) {
    const handlers = registeredHandlers(stubShellServices(overrides));
    return (channel: string, ...args: unknown[]) => handlers.get(channel)!(APP_FRAME, ...args) as Promise<Result<unknown>>;
  }

  it('validates the pairing before it reaches the vault, and writes nothing for bad input', async () => {
    const file = join(dir, 'pairing.json');
    const invoke = register({ pairingVault: createPairingVault({ file, log: memoryLogger(), safeStorage: fakeKeyring() }) });
    const bad = await invoke(KIOSK_CHANNELS.pairingSave, { ...PAIRING, token: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await invoke(KIOSK_CHANNELS.pairingLoad)).toEqual({ ok: true, value: null });
    const extra = await invoke(KIOSK_CHANNELS.pairingSave, { ...PAIRING, admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad_input', message: expect.stringMatching(/Unrecognized key/) } });
    expect(await invoke(KIOSK_CHANNELS.pairingSave, PAIRING)).toEqual({ ok: true, value: { protection: 'keychain' } });
    expect(await invoke(KIOSK_CHANNELS.pairingLoad)).toEqual({ ok: true, value: PAIRING });
    expect(await invoke(KIOSK_CHANNELS.pairingClear)).toEqual({ ok: true, value: null });
    expect(await invoke(KIOSK_CHANNELS.pairingLoad)).toEqual({ ok: true, value: null });
  });

  it('answers unsupported without a vault, and io_error when the folder is gone', async () => {
    expect(await register({})(KIOSK_CHANNELS.pairingLoad)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const gone = register({ pairingVault: createPairingVault({ file: join(dir, 'missing', 'pairing.json'), log: memoryLogger() }) });
    expect(await gone(KIOSK_CHANNELS.pairingSave, PAIRING)).toMatchObject({ ok: false, error: { code: 'io_error' } });
  });
});

describe('reconcile at start (page side, fake-indexeddb)', () => {
  const freshDb = () => new TurnoutDb(`p-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  function memoryCopy(initial: PairingCopy | null = null): PlatformPairingCopy & { value: PairingCopy | null } {
    const copy = {
      value: initial,
      save: async (p: PairingCopy) => ((copy.value = p), ok({ protection: 'keychain' as const })),
      load: async () => ok(copy.value),
      clear: async () => ((copy.value = null), ok(null)),
    };
    return copy;
  }

  it('puts a lost pairing back, with its checkpoint as the session, and keeps unsent check-ins', async () => {
    const db = freshDb();
    const copy = memoryCopy(PAIRING);
    const outcome = await reconcilePairingCopy(db, copy);
    expect(outcome).toEqual({ kind: 'restored', pairing: PAIRING });
    expect(await loadPairing(db)).toEqual(PAIRING);
    // Preset by the pairing (not chosen by staff): the next config pull applies the checkpoint's self-service flag.
    expect((await db.meta.get('session'))?.value).toEqual({ checkpointId: 'hall-a', direction: 'entry', preset: true });
    // Second start: already in step, nothing restored twice.
    expect(await reconcilePairingCopy(db, copy)).toEqual({ kind: 'in_step' });
  });

  it('copies out a pairing only IndexedDB had (paired before copies existed)', async () => {
    const db = freshDb();
    await savePairing(db, PAIRING);
    const copy = memoryCopy();
    expect(await reconcilePairingCopy(db, copy)).toEqual({ kind: 'copied' });
    expect(copy.value).toEqual(PAIRING);
  });

  it('never restores a revoked kiosk, and removes the stale copy', async () => {
    const db = freshDb();
    await db.meta.put({ key: SYNC_META.revoked, value: { at: '2025-09-10T01:00:00.000Z', reason: 'revoked', server: PAIRING.server, deviceId: PAIRING.deviceId } });
    const copy = memoryCopy(PAIRING);
    expect(await reconcilePairingCopy(db, copy)).toEqual({ kind: 'none' });
    expect(copy.value).toBeNull();
    expect(await loadPairing(db)).toBeUndefined();
  });

  it('does nothing in a browser (no copy) and reports a shell that fails', async () => {
    const db = freshDb();
    expect(await reconcilePairingCopy(db, undefined)).toEqual({ kind: 'none' });
    const broken = { ...memoryCopy(), load: async () => ({ ok: false as const, error: { code: 'io_error' as const, message: 'EIO' } }) };
    expect(await reconcilePairingCopy(db, broken)).toEqual({ kind: 'failed', message: 'EIO' });
  });
});
