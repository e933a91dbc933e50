// One badge, rendered in this page and printed: silently to the chosen printer
// in Electron (page size in microns, no margins — see electron/printing.ts), or
// through the browser's print dialog from a script-less frame whose @page rule
// sizes the sheet. Never throws: every failure is a Result the desk shows.
import { fail, type PrintOutcome, type Result } from '../../core/kiosk-api';
import type { Category, LocalizedText, Ticket } from '../../core/model';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { getPlatform, type Platform } from '../platform';
import type { BadgeContent } from './compose';
import { renderBadge, type RenderedBadge } from './render';
import type { BadgeSettings } from './settings';

/** What a badge needs of a ticket (a walk-in's new ticket qualifies too). */
export type BadgeTicket = Pick<Ticket, 'code' | 'name' | 'company' | 'category'>;

export function badgeContent(ticket: BadgeTicket, event?: LocalizedText): BadgeContent {
  const category: Category = ticket.category;
  return {
    code: ticket.code,
    name: ticket.name,
    company: ticket.company,
    category,
    categoryLabel: { ko: ko.category[category], en: en.category[category] },
    ...(event ? { event: event.ko } : {}),
  };
}

export interface PrintDeps {
  platform?: Platform;
  doc?: Document;
  event?: LocalizedText;
}

/** Renders `ticket`'s badge on the settings' stock and prints it. */
export async function printBadge(ticket: BadgeTicket, settings: Pick<BadgeSettings, 'template' | 'printerName'>, deps: PrintDeps = {}): Promise<Result<PrintOutcome>> {
  let rendered: RenderedBadge;
  try {
    rendered = await renderBadge(deps.doc ?? document, settings.template, badgeContent(ticket, deps.event));
  } catch (error) {
    return fail('print_failed', `The badge could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
  }
  const platform = deps.platform ?? getPlatform();
  return platform.printBadge(rendered.html, { printerName: settings.printerName ?? undefined, page: rendered.page });
}
