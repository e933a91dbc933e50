// No error reaches the kiosk screen in one language only. Every code a module can
// produce for the screen (sync, pairing, pairing links, roster files and rows,
// shell results, storage, camera, walk-in, undo) has a message in English and in
// Korean: non-empty, really Korean (Hangul, not the English text copied), with the
// same placeholders. And no kiosk string has a slot for raw exception text as its
// message: raw text goes only under it, in error.detail (renderer/ui/ErrorDetail).
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { ko } from '../../../renderer/i18n/ko';
import { SYNC_ERROR_KINDS } from '../../../renderer/sync/errors';
import { PAIR_ERROR_KINDS } from '../../../renderer/sync/pairing';
import { PAIRING_LINK_ERROR_CODES } from '../../../core/pairing-link';
import type { KioskErrorCode } from '../../../core/kiosk-api';
import type { RosterErrorCode } from '../../../core/csv';
import type { KioskImportFailure } from '../../../renderer/import/roster-import';
import type { CameraErrorCode } from '../../../renderer/scan/camera-error';
import type { WalkInProblem } from '../../../core/walkin';
import type { VoidOutcome } from '../../../renderer/storage/voids';

/** A union's every member, checked by the compiler: a new code that is not listed here fails typecheck. */
const all = <T extends string>(members: Record<T, true>): T[] => Object.keys(members) as T[];

const KIOSK = all<KioskErrorCode>({
  bad_input: true, forbidden: true, pin_not_set: true, bad_pin: true, pin_locked: true, cancelled: true,
  not_found: true, print_failed: true, io_error: true, disk_full: true, unsupported: true, internal: true,
});
const ROSTER_ROW = all<RosterErrorCode>({
  no_header: true, empty_file: true, unreadable_row: true, missing_code: true, bad_code: true, missing_name: true,
  unknown_category: true, bad_date: true, dates_order: true, duplicate_code: true, excel_error: true, number_code: true, bad_phone_last4: true,
  bad_birth_date: true,
});
const ROSTER_FILE = all<KioskImportFailure>({
  too_large: true, old_excel: true, not_xlsx: true, xlsx_too_large: true, xlsx_damaged: true, unknown_encoding: true,
  ambiguous_encoding: true, binary: true, unreadable: true, store_failed: true, store_full: true,
});
const CAMERA = all<CameraErrorCode>({ denied: true, none: true, busy: true, insecure: true, unknown: true });
const WALKIN = all<WalkInProblem>({
  name_required: true, category_required: true, category_not_allowed: true, name_too_long: true, company_too_long: true, phone_invalid: true, consent_required: true,
});
const UNDO = all<Extract<VoidOutcome, { ok: false }>['refusal']>({
  not_mine: true, not_admitted: true, too_old: true, already_voided: true, unknown: true, not_latest: true,
});

/** Every screen key an error code maps to, as the components build it. */
const ERROR_KEYS: [string, string[]][] = [
  ['sync (SyncIndicator, SyncHealth)', SYNC_ERROR_KINDS.map((k) => `error.sync.${k}`)],
  ['pairing (PairScreen)', PAIR_ERROR_KINDS.map((k) => `pair.error_${k}`)],
  ['pairing link (PairScreen)', PAIRING_LINK_ERROR_CODES.map((k) => `error.pairLink.${k}`)],
  ['shell results (export, test print)', KIOSK.map((k) => `error.kiosk.${k}`)],
  ['roster file (SetupScreen)', ROSTER_FILE.map((k) => `rosterImport.file.${k}`)],
  ['roster row (SetupScreen)', ROSTER_ROW.map((k) => `rosterImport.row.${k}`)],
  ['camera (CameraView)', CAMERA.map((k) => `scan.cameraError_${k}`)],
  ['walk-in form (WalkInScreen, SelfWalkIn)', WALKIN.map((k) => `walkIn.problem.${k}`)],
  ['undo (UndoDialog)', UNDO.map((k) => `undo.refused_${k}`)],
  [
    'storage and fallbacks',
    ['error.store.failed', 'error.store.disk_full', 'error.unexpected', 'error.detail', 'app.bootFailed', 'walkIn.failed', 'exports.failed', 'badge.testFailed', 'setup.importFailed', 'held.failed'],
  ],
];

const HANGUL = /[\uac00-\ud7a3]/;
const slots = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

function lookup(catalogue: object, key: string): string | undefined {
  const v = key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), catalogue);
  return typeof v === 'string' ? v : undefined;
}

function strings(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : strings(v as object, `${prefix}${k}.`)));
}

describe.each(ERROR_KEYS)('every %s error is said in Korean and in English', (_what, keys) => {
  it.each(keys)('%s', (key) => {
    const e = lookup(en, key);
    const k = lookup(ko, key);
    expect(e?.trim(), `en ${key}`).toBeTruthy();
    expect(k?.trim(), `ko ${key}`).toBeTruthy();
    expect(k, `ko ${key} is Korean`).toMatch(HANGUL);
    expect(k, `ko ${key} is not the English text`).not.toBe(e);
    expect(slots(k!), `ko ${key} has en's placeholders`).toEqual(slots(e!));
  });
});

describe('raw error text', () => {
  // {{message}} / {{error}} were the slots where an exception's English text became the
  // message itself (exports, test print, walk-in, pairing). Reasons are codes now.
  it('has no slot of its own in any kiosk string', () => {
    const raw = [...strings(en), ...strings(ko)].filter(([, s]) => /\{\{\s*(message|error|err)\s*\}\}/.test(s)).map(([key]) => key);
    expect(raw).toEqual([]);
  });

  it('appears only as the staff details line, labelled in each language', () => {
    expect(slots(en.error.detail)).toEqual(['detail']);
    expect(ko.error.detail).toMatch(HANGUL);
  });
});
