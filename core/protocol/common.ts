// Protocol v1 basics every other schema module builds on: the version, upload
// and page limits, shared enums and scalars, the error body and the pull-page shape.

import { z } from 'zod';
import { BADGE_MARKS, CATEGORIES, REJECT_REASONS } from '../model';

export const PROTOCOL_VERSION = 1;
/** Most check-ins a single upload may carry; more → HTTP 413 `too_many_items`. */
export const MAX_UPLOAD_ITEMS = 500;
/** Page size of ticket and check-in pulls when `limit` is absent, and its ceiling. */
export const DEFAULT_PAGE_LIMIT = 1000;
export const MAX_PAGE_LIMIT = 5000;

/** ISO 8601 instant with `Z` or a numeric offset. */
export const IsoInstant = z.iso.datetime({ offset: true });
export const LocalizedText = z.object({ ko: z.string(), en: z.string() });
export const Category = z.enum(CATEGORIES);
export const RejectReason = z.enum(REJECT_REASONS);
export const Direction = z.enum(['entry', 'exit']);
export const TicketStatus = z.enum(['valid', 'revoked', 'blocked', 'deleted']);
/** Added in v1 without a bump: optional everywhere, and servers and kiosks before it drop it (zod strips unknown keys). */
export const BadgeMark = z.enum(BADGE_MARKS);

/** Every error response: `{ error: { code, message } }` with a proper HTTP status. */
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Query of both pulls: `?after=SEQ&limit=N`. */
export const PageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A pull page: `next` is the cursor for the following request (the last item's seq, or `after` when empty). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.number().int(), more: z.boolean() });
