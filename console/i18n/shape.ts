// The shape the Korean catalogue (ko.ts, ko/) is held to: the English one's
// keys with string leaves, so a key missing in Korean is a type error where
// it is written as well as a failing unit test.
import type { en } from './en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** Korean has one plural form: `_other` keys of en.ts are plain keys here (i18next falls back to them). */
type Loose = 'reports' | 'events' | 'lookup' | 'pairing' | 'issuing';
export type Ko = Strings<Omit<typeof en, Loose>> & Record<Loose, Record<string, unknown>>;
