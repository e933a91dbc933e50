// Admin read routes the organiser console needs beyond the contract's table
// (README "Admin API"): ticket search and one ticket's scan history, the days
// an event has scans on, and conflicts listed pair by pair. Viewer role may read.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { dayKey } from '../../core/time';
import {
  TicketSearchQuery,
  type ConflictsResponse,
  type EventDaysResponse,
  type TicketDetail,
  type TicketSearchResponse,
} from '../../core/protocol';
import { requireAdmin } from '../admin-auth';
import type { RouteDeps } from '../deps';
import { badRequest, notFound, parseOr400 } from '../errors';
import { getEventInfo } from '../repo/events';
import { conflictPairs, daysWithScans, searchTickets, ticketCheckins } from '../repo/lookup';
import { adminTicket, getTicket } from '../repo/tickets';

type IdParams = { id: string };

export function lookupRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, now } = deps;
  const auth = requireAdmin(deps);

  async function eventOr404(request: FastifyRequest<{ Params: IdParams }>) {
    const event = await getEventInfo(db, request.params.id);
    if (!event) throw notFound(`No event ${request.params.id}`, 'unknown_event');
    return event;
  }

  app.get<{ Params: IdParams }>('/v1/admin/events/:id/tickets', { preHandler: auth }, async (request): Promise<TicketSearchResponse> => {
    const event = await eventOr404(request);
    const q = parseOr400(TicketSearchQuery, request.query, 'query');
    return searchTickets(db, event.id, q.q, q.limit);
  });

  app.get<{ Params: IdParams & { code: string } }>(
    '/v1/admin/events/:id/tickets/:code',
    { preHandler: auth },
    async (request): Promise<TicketDetail> => {
      const event = await eventOr404(request);
      const ticket = await getTicket(db, event.id, request.params.code);
      if (!ticket) throw notFound(`No ticket ${request.params.code} in event ${event.id}`, 'unknown_ticket');
      return { ticket: adminTicket(ticket), checkins: await ticketCheckins(db, event.id, ticket.code) };
    },
  );

  app.get<{ Params: IdParams }>('/v1/admin/events/:id/days', { preHandler: auth }, async (request): Promise<EventDaysResponse> => {
    const event = await eventOr404(request);
    return { eventId: event.id, timeZone: event.timeZone, today: dayKey(now(), event.timeZone), days: await daysWithScans(db, event.id) };
  });

  app.get<{ Params: IdParams; Querystring: { day?: string } }>(
    '/v1/admin/events/:id/conflicts',
    { preHandler: auth },
    async (request): Promise<ConflictsResponse> => {
      const event = await eventOr404(request);
      const day = request.query.day ?? dayKey(now(), event.timeZone);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw badRequest('day must be YYYY-MM-DD');
      return { eventId: event.id, day, items: await conflictPairs(db, event.id, day) };
    },
  );
}
