// A badge for printing: composed, fitted in this page (an off-screen, isolated
// shadow root with the badge's own CSS, so the kiosk's styles cannot change a
// measurement), then serialised to a self-contained document — inline CSS with
// @page size and no margins, the QR as inline SVG, no script, no network — that
// the Electron print window and the browser's print frame both print as is.
import { BADGE_CSS, composeBadge, pageCss, type BadgeContent } from './compose';
import { fitBadge, type FitReport } from './fit';
import { qrSvg } from './qr';
import { BADGE_TEMPLATES, type BadgeTemplateId } from './templates';

export interface RenderedBadge {
  /** The whole print document. */
  html: string;
  page: { widthMm: number; heightMm: number };
  fit: FitReport;
  /** Time to compose, measure and serialise it, in ms (QR included). */
  ms: number;
}

/** Runs `measure` on `root` inside an off-screen host in `doc`, then removes the host. */
async function measured<T>(doc: Document, root: HTMLElement, measure: () => T): Promise<T> {
  const host = doc.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.setAttribute('style', 'all:initial;position:fixed;left:-30000px;top:0;visibility:hidden;pointer-events:none;contain:layout style');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.append(style, root);
  doc.body.append(host);
  try {
    await doc.fonts?.ready;
    return measure();
  } finally {
    host.remove();
  }
}

export function printDocument(templateId: BadgeTemplateId, badgeHtml: string): string {
  const css = pageCss(BADGE_TEMPLATES[templateId]) + BADGE_CSS;
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>badge</title><style>${css}</style></head><body>${badgeHtml}</body></html>`;
}

export async function renderBadge(doc: Document, templateId: BadgeTemplateId, content: BadgeContent): Promise<RenderedBadge> {
  const started = performance.now();
  const template = BADGE_TEMPLATES[templateId];
  const root = composeBadge(doc, template, content, await qrSvg(content.code));
  const fit = await measured(doc, root, () => fitBadge(root));
  const html = printDocument(templateId, root.outerHTML);
  return { html, page: { widthMm: template.widthMm, heightMm: template.heightMm }, fit, ms: performance.now() - started };
}
