// IPC channel names of the `window.kiosk` bridge, one per KioskApi method. Kept
// apart from the schemas so the sandboxed preload bundles these strings only.
import type { KioskApi } from './kiosk-api';

export const KIOSK_CHANNELS = {
  info: 'kiosk:info',
  saveFile: 'kiosk:save-file',
  printBadge: 'kiosk:print-badge',
  listPrinters: 'kiosk:list-printers',
  setStaffPin: 'kiosk:set-staff-pin',
  updateSettings: 'kiosk:update-settings',
  quit: 'kiosk:quit',
  journalAppend: 'kiosk:journal-append',
  journalReadAll: 'kiosk:journal-read-all',
  journalAck: 'kiosk:journal-ack',
  storageStatus: 'kiosk:storage-status',
  pairingSave: 'kiosk:pairing-save',
  pairingLoad: 'kiosk:pairing-load',
  pairingClear: 'kiosk:pairing-clear',
  tlsPinSave: 'kiosk:tls-pin-save',
  tlsPinClear: 'kiosk:tls-pin-clear',
} as const satisfies Record<keyof KioskApi, `kiosk:${string}`>;
