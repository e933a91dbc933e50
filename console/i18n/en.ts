// English strings of the organiser console (keys mirror ko.ts; a unit test checks),
// one module per page under en/ (shared vocabulary in en/shell.ts). Listing each
// section by name here makes two modules defining the same section a compile error.
import { shell, nav, login, common, age, category, reason, rule, mode, tally } from './en/shell';
import { reports, walkIns } from './en/reports';
import { devices } from './en/devices';
import { events, hours } from './en/events';
import { roster, rosterFile, rosterRow, lookup, ticket } from './en/roster';
import { pairing } from './en/pairing';
import { issuing, signingKeys } from './en/issuing';

export const en = {
  shell,
  nav,
  login,
  common,
  age,
  category,
  reason,
  rule,
  mode,
  tally,
  reports,
  devices,
  events,
  hours,
  roster,
  rosterFile,
  rosterRow,
  lookup,
  ticket,
  pairing,
  issuing,
  signingKeys,
  walkIns,
};
