// Organiser reports: daily tallies and the check-in export. `export.xlsx` is
// not built yet (needs exceljs): it answers 501 with the error body.

import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { dayKey } from '../../core/time';
import type { TalliesResponse } from '../../core/protocol';
import { requireAdmin } from '../auth';
import type { RouteDeps } from '../deps';
import { ApiError, badRequest, notFound } from '../errors';
import { exportCheckinsCsv } from '../export/checkins-csv';
import { getEventInfo } from '../repo/events';
import { tallies } from '../repo/tallies';

type IdParams = { id: string };

export function reportRoutes(app: FastifyInstance, { db, config, now }: RouteDeps): void {
  const auth = requireAdmin(config.adminToken);

  app.get<{ Params: IdParams; Querystring: { day?: string } }>(
    '/v1/admin/events/:id/tallies',
    { preHandler: auth },
    async (request): Promise<TalliesResponse> => {
      const event = await getEventInfo(db, request.params.id);
      if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
      const day = request.query.day ?? dayKey(now(), event.timeZone);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw badRequest('day must be YYYY-MM-DD');
      return tallies(db, event.id, day, event.timeZone);
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

  app.get<{ Params: IdParams }>('/v1/admin/events/:id/export.xlsx', { preHandler: auth }, async () => {
    throw new ApiError(501, 'not_implemented', 'XLSX export is not available yet; use export.csv');
  });
}
