// Organiser reports: daily tallies (core/tally.ts over the day's rows) and the
// check-in export as CSV and as XLSX (streamed: rows are written as they are read).

import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { dayKey } from '../../core/time';
import type { TalliesResponse } from '../../core/protocol';
import { requireAdmin } from '../admin-auth';
import type { RouteDeps } from '../deps';
import { badRequest, notFound } from '../errors';
import { exportCheckinsCsv } from '../export/checkins-csv';
import { writeCheckinsXlsx } from '../export/checkins-xlsx';
import { getEventInfo } from '../repo/events';
import { tallies } from '../repo/tallies';

type IdParams = { id: string };

export function reportRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, now } = deps;
  const auth = requireAdmin(deps);

  app.get<{ Params: IdParams; Querystring: { day?: string } }>(
    '/v1/admin/events/:id/tallies',
    { preHandler: auth },
    async (request): Promise<TalliesResponse> => {
      const event = await getEventInfo(db, request.params.id);
      if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
      const at = now();
      const today = dayKey(at, event.timeZone);
      const day = request.query.day ?? today;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw badRequest('day must be YYYY-MM-DD');
      // Today's "inside now" is judged at this moment (a door's day may start at 04:00).
      return tallies(db, event.id, day, event.timeZone, day === today ? at : undefined);
    },
  );

  app.get<{ Params: IdParams }>('/v1/admin/events/:id/export.csv', { preHandler: auth }, async (request, reply) => {
    const event = await getEventInfo(db, request.params.id);
    if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
    const filename = `${event.id.replace(/[^\w.-]+/g, '_')}-checkins.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(Readable.from(exportCheckinsCsv(db, event.id)));
  });

  app.get<{ Params: IdParams }>('/v1/admin/events/:id/export.xlsx', { preHandler: auth }, async (request, reply) => {
    const event = await getEventInfo(db, request.params.id);
    if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
    const filename = `${event.id.replace(/[^\w.-]+/g, '_')}-checkins.xlsx`;
    const body = new PassThrough();
    // Headers go out with the first bytes; a failure after that can only cut the stream.
    writeCheckinsXlsx(db, event.id, event.timeZone, body).catch((err: unknown) => {
      request.log.error({ err }, 'xlsx export failed');
      body.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(body);
  });
}
