// Admin API for the organiser console and tools: events, roster import, ticket
// status, issuing, search and detail, and the desks (devices) with their help calls.

import { z } from 'zod';
import { Category, IsoInstant, TicketStatus } from './common';
import { id } from './fields';
import { EventBundle } from './config';
import { TicketWire } from './tickets';
import { CheckinWire } from './checkins';
import { HelpCall } from './heartbeat';

/** `GET /v1/admin/events` */
export const AdminEventsResponse = z.object({ events: z.array(EventBundle) });
export type AdminEventsResponse = z.infer<typeof AdminEventsResponse>;

/**
 * `POST /v1/admin/events/:id/tickets/import` (body: the file itself, CSV or XLSX; see
 * core/roster-file.ts). `line` is the CSV line or the sheet's row number.
 */
export const ImportResult = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(
    z.object({
      line: z.number().int(),
      message: z.string(),
      // Added without a bump (optional): a machine-readable kind (core/csv.ts RosterErrorCode) and its values.
      code: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  /** What the file was read as (optional: servers before XLSX imports omit them). */
  format: z.enum(['csv', 'xlsx']).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'cp949']).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** `PATCH /v1/admin/events/:id/tickets/:code` — revoke, block, delete (tombstone) or restore. */
export const TicketStatusRequest = z.object({ status: TicketStatus });

/** Most tickets one issue request may make (the CLI has no such cap). */
export const MAX_ISSUE = 10_000;
const IssuePerson = z.object({
  /** The person's code in the organiser's own roster: issuing it again keeps the serial. */
  ref: z.string().min(1).max(200).optional(),
  name: z.string().max(200).default(''),
  company: z.string().max(200).default(''),
  category: Category.default('visitor'),
  programmes: z.array(id).max(20).default([]),
  validFrom: IsoInstant.optional(),
  validUntil: IsoInstant.optional(),
  note: z.string().max(500).optional(),
});
/**
 * `POST /v1/admin/events/:id/tickets/issue` (added 2026-12, issue 14): signed `TO1:`
 * tickets, either `count` nameless ones of one category or one per listed person.
 */
export const IssueRequest = z.union([
  z.strictObject({ count: z.number().int().min(1).max(MAX_ISSUE), category: Category.default('visitor'), programmes: z.array(id).max(20).default([]) }),
  z.strictObject({ people: z.array(IssuePerson).min(1).max(MAX_ISSUE) }),
]);
export type IssueRequest = z.infer<typeof IssueRequest>;

export const DeviceInfo = z.object({
  id: z.string(),
  eventId: z.string(),
  name: z.string(),
  checkpointId: z.string().nullable(),
  pairedAt: IsoInstant,
  lastSeenAt: IsoInstant.nullable(),
  lastSyncAt: IsoInstant.nullable(),
  outboxDepth: z.number().int().nullable(),
  appVersion: z.string().nullable(),
  clockOffsetMs: z.number().int().nullable(),
  revoked: z.boolean(),
  /** The checkpoint the organiser moved the desk to (`PATCH /v1/admin/devices/:id`); absent until moved. */
  assignedCheckpointId: z.string().nullable().optional(),
  /** The device's open help call; absent when none (or from servers before help calls). */
  help: HelpCall.optional(),
  /** The device paired in place of this one (re-pairing); absent when none. */
  replacedBy: z.string().optional(),
  /** The device this one replaced at pairing; absent when none. */
  replaces: z.string().optional(),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

/** `POST /v1/admin/devices/:id/help/clear`: staff saw the call. With `id`, only that call is cleared (not a newer one). */
export const HelpClearRequest = z.strictObject({ id: z.string().min(1).max(64).optional() });
export const HelpClearResponse = z.object({ id: z.string(), cleared: z.boolean() });
export type HelpClearResponse = z.infer<typeof HelpClearResponse>;

/** `GET /v1/admin/devices` */
export const DevicesResponse = z.object({ devices: z.array(DeviceInfo) });
export type DevicesResponse = z.infer<typeof DevicesResponse>;

// ── organiser console additions (v1, backward compatible; README "Admin API") ─

/** `PATCH /v1/admin/devices/:id`: rename a desk and/or move it to another checkpoint of its event. */
export const DevicePatch = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    checkpointId: id.optional(),
  })
  .refine((p) => p.name !== undefined || p.checkpointId !== undefined, 'name or checkpointId required');
export type DevicePatch = z.infer<typeof DevicePatch>;

/** `GET /v1/admin/events/:id/tickets?q=TEXT&limit=N`: code prefix, or name/company containing TEXT. */
export const TicketSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const TicketSearchResponse = z.object({ items: z.array(TicketWire), more: z.boolean() });
export type TicketSearchResponse = z.infer<typeof TicketSearchResponse>;

/** `GET /v1/admin/events/:id/tickets/:code`: the ticket and every scan of it, oldest first. */
export const TicketDetail = z.object({ ticket: TicketWire, checkins: z.array(CheckinWire) });
export type TicketDetail = z.infer<typeof TicketDetail>;
