// Reports for the organiser: a day's tallies, the days with scans, and the
// conflicting admissions beside the ones they repeated.

import { z } from 'zod';
import { dayKey } from './fields';
import { CheckinWire } from './checkins';

/**
 * Counts for one slice of a day. `scans`: every scan (rejections and exits
 * included); `accepted`: admitted entries; `uniquePeople`: distinct tickets
 * among admitted entries; `conflicts`: admitted entries flagged `conflict`.
 */
export const Tally = z.object({
  scans: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  exits: z.number().int(),
  conflicts: z.number().int(),
  uniquePeople: z.number().int(),
});
export type Tally = z.infer<typeof Tally>;

/** `GET /v1/admin/events/:id/tallies?day=YYYY-MM-DD` (hours are venue-local, 0–23). */
export const TalliesResponse = z.object({
  eventId: z.string(),
  day: dayKey,
  timeZone: z.string(),
  total: Tally,
  byCheckpoint: z.array(Tally.extend({ checkpointId: z.string() })),
  byHour: z.array(Tally.extend({ hour: z.number().int() })),
  byCategory: z.array(Tally.extend({ category: z.string() })),
  byCheckpointHour: z.array(Tally.extend({ checkpointId: z.string(), hour: z.number().int() })),
  // Added in v1 without a bump (optional, older clients ignore them); see core/tally.ts.
  byProgramme: z.array(Tally.extend({ programmeId: z.string() })).optional(),
  byDevice: z.array(Tally.extend({ deviceId: z.string() })).optional(),
  byReason: z.array(z.object({ reason: z.string(), count: z.number().int() })).optional(),
  insideNow: z.array(z.object({ checkpointId: z.string(), inside: z.number().int() })).optional(),
  overrides: z.number().int().optional(),
  /** Check-ins of the day voided by their desk (undo): left out of every other count. */
  voided: z.number().int().optional(),
});
export type TalliesResponse = z.infer<typeof TalliesResponse>;

/** `GET /v1/admin/events/:id/days`: the venue's today and the days with scans (reports' day picker). */
export const EventDaysResponse = z.object({
  eventId: z.string(),
  timeZone: z.string(),
  today: dayKey,
  days: z.array(z.object({ day: dayKey, scans: z.number().int() })),
});
export type EventDaysResponse = z.infer<typeof EventDaysResponse>;

/**
 * `GET /v1/admin/events/:id/conflicts?day=YYYY-MM-DD`: each admission flagged `conflict`
 * that day beside `first`, the stored admission of the same ticket at the same checkpoint
 * it repeated (the latest such before it; null if that one is not upstream).
 */
export const ConflictPair = z.object({
  code: z.string(),
  name: z.string().nullable(),
  checkpointId: z.string(),
  first: CheckinWire.nullable(),
  conflict: CheckinWire,
});
export type ConflictPair = z.infer<typeof ConflictPair>;
export const ConflictsResponse = z.object({ eventId: z.string(), day: dayKey, items: z.array(ConflictPair) });
export type ConflictsResponse = z.infer<typeof ConflictsResponse>;
