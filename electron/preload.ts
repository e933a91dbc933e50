// The sandboxed preload: exposes exactly one object, `window.kiosk`, whose shape is
// core's KioskApi (checked with `satisfies`). Each method forwards a single
// argument over its own invoke channel; main validates it again. No ipcRenderer,
// no Node, nothing else reaches the page. Bundled to one CommonJS file (sandbox).
import { contextBridge, ipcRenderer } from 'electron';
import type { KioskApi } from '../core/kiosk-api';
import { KIOSK_CHANNELS } from '../core/kiosk-channels';

const api = {
  info: () => ipcRenderer.invoke(KIOSK_CHANNELS.info),
  saveFile: (input) => ipcRenderer.invoke(KIOSK_CHANNELS.saveFile, input),
  printBadge: (input) => ipcRenderer.invoke(KIOSK_CHANNELS.printBadge, input),
  listPrinters: () => ipcRenderer.invoke(KIOSK_CHANNELS.listPrinters),
  setStaffPin: (input) => ipcRenderer.invoke(KIOSK_CHANNELS.setStaffPin, input),
  updateSettings: (input) => ipcRenderer.invoke(KIOSK_CHANNELS.updateSettings, input),
  quit: (input) => ipcRenderer.invoke(KIOSK_CHANNELS.quit, input),
  journalAppend: (checkIn) => ipcRenderer.invoke(KIOSK_CHANNELS.journalAppend, checkIn),
  journalReadAll: () => ipcRenderer.invoke(KIOSK_CHANNELS.journalReadAll),
  journalAck: (ids) => ipcRenderer.invoke(KIOSK_CHANNELS.journalAck, ids),
  storageStatus: () => ipcRenderer.invoke(KIOSK_CHANNELS.storageStatus),
  pairingSave: (pairing) => ipcRenderer.invoke(KIOSK_CHANNELS.pairingSave, pairing),
  pairingLoad: () => ipcRenderer.invoke(KIOSK_CHANNELS.pairingLoad),
  pairingClear: () => ipcRenderer.invoke(KIOSK_CHANNELS.pairingClear),
  tlsPinSave: (input) => ipcRenderer.invoke(KIOSK_CHANNELS.tlsPinSave, input),
  tlsPinClear: () => ipcRenderer.invoke(KIOSK_CHANNELS.tlsPinClear),
} satisfies KioskApi;

contextBridge.exposeInMainWorld('kiosk', Object.freeze(api));
