// `POST /v1/admin/events/:id/tickets/import`: the roster file itself is the
// body — CSV (UTF-8, UTF-16 or CP949) or an XLSX workbook — sent as is, with
// any Content-Type (`text/csv`, the XLSX type, `application/octet-stream`…):
// the bytes decide what it is (core/roster-file.ts), so a browser that labels
// a .csv `application/vnd.ms-excel` still works. A multipart form is refused
// with what to send instead. Registered in its own scope: every body arrives
// here as raw bytes (nothing decodes it as UTF-8 first), up to the import
// limit, and the credentials are checked before the body is read.

import type { FastifyError, FastifyInstance } from 'fastify';
import { formatMb, RosterFileError } from '../../core/roster-file';
import type { ImportResult } from '../../core/protocol';
import { requireAdmin } from '../admin-auth';
import type { RouteDeps } from '../deps';
import { ApiError, badRequest, notFound } from '../errors';
import { importRosterFile } from '../import/roster';
import { getEventInfo } from '../repo/events';

type IdParams = { id: string };

export async function importRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { db, config, now } = deps;
  // Admin token, or a console session with its CSRF token (admin-auth.ts); a viewer may not import.
  const auth = requireAdmin(deps);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.importBodyLimit }, (_req, body, done) => done(null, body));

  // Fastify's own "body too large" says nothing of rosters: say the limit and what to do.
  app.setErrorHandler((err: FastifyError, _request, _reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new ApiError(413, 'payload_too_large', `The roster file is larger than the ${formatMb(config.importBodyLimit)} limit. Split it into smaller files.`);
    }
    throw err;
  });

  app.post<{ Params: IdParams }>(
    '/v1/admin/events/:id/tickets/import',
    { onRequest: auth, bodyLimit: config.importBodyLimit },
    async (request): Promise<ImportResult> => {
      const event = await getEventInfo(db, request.params.id);
      if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
      if (/^multipart\//i.test(request.headers['content-type'] ?? '')) {
        throw new ApiError(415, 'unsupported_media_type', 'Send the roster file itself as the request body (CSV or XLSX), not a form upload.');
      }
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('Send the roster file (CSV or XLSX) as the request body', 'missing_file');
      try {
        const result = await importRosterFile(db, event.id, body, {
          timeZone: event.timeZone,
          maxBytes: config.importBodyLimit,
          now: now(),
        });
        request.log.info({ eventId: event.id, format: result.format, encoding: result.encoding, imported: result.imported, updated: result.updated, errors: result.errors.length }, 'roster imported');
        return result;
      } catch (err) {
        if (err instanceof RosterFileError) throw new ApiError(err.status, err.code, err.message);
        throw err;
      }
    },
  );
}
