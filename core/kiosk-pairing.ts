// The pairing part of the `window.kiosk` contract: the shell keeps a copy of the
// kiosk's pairing (server, device id, bearer token) outside IndexedDB, encrypted
// with the OS keychain where Electron's safeStorage has one. A database Chromium
// reset (disk full, an update) then costs a roster re-pull, not a trip to the
// organiser's desk for a new pairing code. Pure: zod only.
import { z } from 'zod';

const Text = (max: number) => z.string().min(1).max(max);

/** What is kept: the fields of the renderer's Pairing, checked on the way in and on the way out. */
export const PairingCopySchema = z.strictObject({
  server: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an http(s) URL')
    .refine((s) => !s.endsWith('/'), 'must not end with /'),
  deviceId: Text(200),
  token: Text(4096),
  eventId: Text(200),
  checkpointId: Text(200).nullable(),
  name: z.string().max(200),
  pairedAt: z.iso.datetime({ offset: true }),
});

export type PairingCopy = z.infer<typeof PairingCopySchema>;

/** How the shell protected the copy it wrote. */
export interface PairingCopyReceipt {
  /**
   * `keychain`: encrypted with a key the OS keeps (DPAPI, Keychain, libsecret/kwallet);
   * `obfuscated`: safeStorage's fixed-key fallback on a Linux box without a keyring;
   * `plain`: no safeStorage at all. The file is owner-only (0600) in every case.
   */
  protection: 'keychain' | 'obfuscated' | 'plain';
}
