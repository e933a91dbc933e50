// Walk-in registration (현장등록), the rules the desk, the server and the organiser
// share: the code a desk issues offline, the consent items asked under PIPA
// (개인정보 보호법 §15, §22: each item asked apart, required and optional apart),
// what a registration must hold, and the key two registrations of one person share.
// Pure: no DOM, Node, Dexie or React.

import { CATEGORIES, type Category } from './model';

/**
 * A walk-in's code: `W-<device id>-<n>`. The device id is the one the server gave
 * at pairing (its primary key, unique upstream) and `n` this desk's counter, moved
 * in the same transaction that stores the walk-in: no two desks, and no two
 * registrations of one desk, can make the same code, offline and without talking
 * to each other (docs/DECISIONS.md "Walk-in codes").
 */
export const WALKIN_CODE_PREFIX = 'W-';

export function walkInCode(deviceId: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`walk-in counter must be a positive integer, got ${n}`);
  return `${WALKIN_CODE_PREFIX}${deviceId}-${n}`;
}

/** The counter of a code this device issued, or undefined when the code is not one of its walk-ins. */
export function walkInCounter(code: string, deviceId: string): number | undefined {
  const prefix = `${WALKIN_CODE_PREFIX}${deviceId}-`;
  if (!code.startsWith(prefix)) return undefined;
  const rest = code.slice(prefix.length);
  return /^[1-9]\d{0,14}$/.test(rest) ? Number(rest) : undefined;
}

/**
 * The consent items a walk-in is asked, in the order shown. `registration` is
 * required (without it no badge can be issued: name, company and category are
 * what the badge and the entry check hold); the others are optional and refusing
 * them never blocks the registration. The texts (purpose, items, retention, the
 * right to refuse) live in renderer/i18n under `walkIn.consent.<id>`.
 */
export const CONSENT_ITEMS = [
  { id: 'registration', required: true },
  { id: 'contact', required: false },
  { id: 'marketing', required: false },
] as const;
export type ConsentItemId = (typeof CONSENT_ITEMS)[number]['id'];
/** Version of the consent texts shown; stored with every registration so the organiser can show what was agreed to. */
export const CONSENT_VERSION = 'walkin-2026-12-v1';

export interface ConsentAnswer {
  item: string;
  granted: boolean;
}

export interface WalkInForm {
  name: string;
  company: string;
  category: Category | '';
  phone: string;
  /** Answers by item id; an item not answered is not granted. */
  consents: Partial<Record<ConsentItemId, boolean>>;
}

/**
 * The categories a desk may register a walk-in as: never `staff` (a valid staff
 * ticket is a staff card, which authorises overrides), and only those the
 * checkpoint admits (its list absent or empty: every one).
 */
export function walkInCategories(admitted?: readonly Category[]): Category[] {
  return CATEGORIES.filter((c) => c !== 'staff' && (!admitted || admitted.length === 0 || admitted.includes(c)));
}

/**
 * The one category a walk-in gets where nobody chooses it (self-service): visitor
 * where the door admits visitors, else the first category the desk would offer
 * there, and '' when the door admits nothing a walk-in may be (a staff-only door:
 * no walk-in registers there). Never `staff`.
 */
export function walkInFallbackCategory(admitted?: readonly Category[]): Category | '' {
  const offered = walkInCategories(admitted);
  return offered.includes('visitor') ? 'visitor' : (offered[0] ?? '');
}

export const WALKIN_LIMITS = { name: 100, company: 100, phone: 30 } as const;

export type WalkInProblem = 'name_required' | 'category_required' | 'category_not_allowed' | 'name_too_long' | 'company_too_long' | 'phone_invalid' | 'consent_required';

/** What stops this form from being registered (empty: it may be). */
export function walkInProblems(form: WalkInForm): WalkInProblem[] {
  const out: WalkInProblem[] = [];
  const name = form.name.trim();
  if (!name) out.push('name_required');
  else if (name.length > WALKIN_LIMITS.name) out.push('name_too_long');
  if (form.company.trim().length > WALKIN_LIMITS.company) out.push('company_too_long');
  if (!form.category) out.push('category_required');
  // A walk-in is never a staff card (a valid staff ticket authorises overrides), whatever the form was given.
  else if (form.category === 'staff') out.push('category_not_allowed');
  const phone = form.phone.trim();
  if (phone && !/^\+?[\d\s().-]{6,30}$/.test(phone)) out.push('phone_invalid');
  if (CONSENT_ITEMS.some((c) => c.required && form.consents[c.id] !== true)) out.push('consent_required');
  return out;
}

/** Every item's answer, in order (unanswered = refused). */
export function consentAnswers(form: Pick<WalkInForm, 'consents'>): ConsentAnswer[] {
  return CONSENT_ITEMS.map((c) => ({ item: c.id, granted: form.consents[c.id] === true }));
}

/**
 * The phone number to keep: only with the `contact` consent (the phone is that
 * item's data; refusing it means the number is not stored at all).
 */
export function keptPhone(form: Pick<WalkInForm, 'phone' | 'consents'>): string | undefined {
  const phone = form.phone.trim();
  return phone && form.consents.contact === true ? phone : undefined;
}

/** Name or company folded for comparison: NFKC, lower case, no spaces or punctuation. */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Digits only, a leading Korean +82 read as 0: `+82 10-1234-5678` and `010 1234 5678` match. */
export function foldPhone(s: string): string {
  const digits = s.replace(/\D+/g, '');
  return digits.startsWith('82') && s.trim().startsWith('+') ? `0${digits.slice(2)}` : digits;
}

/**
 * Whether two registrations are possibly one person: the same folded name, and
 * the same folded company or the same phone. A name alone is too weak (동명이인
 * are common at a large show); two people sharing name and company are rare
 * enough that the organiser can decide.
 */
export function samePerson(
  a: { name: string; company: string; phone?: string | null },
  b: { name: string; company: string; phone?: string | null },
): boolean {
  if (!foldText(a.name) || foldText(a.name) !== foldText(b.name)) return false;
  if (foldText(a.company) === foldText(b.company)) return true;
  const pa = a.phone ? foldPhone(a.phone) : '';
  return pa !== '' && pa === (b.phone ? foldPhone(b.phone) : '');
}
