// A badge exactly as it prints: the rendered print document in a script-less
// frame at its real size in mm (scaled for a preview). Also the print-only route
// `?badge-preview=<template>&name=…&company=…&category=…&code=…`, which shows
// one badge alone — what tests turn into a PDF and docs/ screenshots show.
import { useEffect, useState } from 'react';
import { badgeDocument } from '../../core/kiosk-api';
import { CATEGORIES, type Category } from '../../core/model';
import { badgeContent } from '../badge/print';
import { renderBadge, type RenderedBadge } from '../badge/render';
import { isBadgeTemplateId, type BadgeTemplateId } from '../badge/templates';
import type { BadgeTicket } from '../badge/print';

export function BadgeFrame({ rendered, scale = 1, title }: { rendered: RenderedBadge; scale?: number; title: string }) {
  const { widthMm, heightMm } = rendered.page;
  return (
    <div className="badge-frame" style={{ width: `${widthMm * scale}mm`, height: `${heightMm * scale}mm` }}>
      <iframe
        title={title}
        data-testid="badge-frame"
        data-fit={rendered.fit.ok ? 'ok' : 'overflow'}
        sandbox="allow-same-origin"
        srcDoc={badgeDocument(rendered.html)}
        style={{ width: `${widthMm}mm`, height: `${heightMm}mm`, transform: `scale(${scale})`, transformOrigin: '0 0' }}
      />
    </div>
  );
}

/** Renders `ticket` on `template` in this page; null until measured. */
export function useRenderedBadge(template: BadgeTemplateId, ticket: BadgeTicket, event?: string): RenderedBadge | null {
  const [rendered, setRendered] = useState<RenderedBadge | null>(null);
  const { code, name, company, category } = ticket;
  useEffect(() => {
    let live = true;
    const content = badgeContent({ code, name, company, category });
    void renderBadge(document, template, event ? { ...content, event } : content).then((r) => live && setRendered(r));
    return () => {
      live = false;
    };
  }, [template, code, name, company, category, event]);
  return rendered;
}

export const SAMPLE_BADGE: BadgeTicket = { code: 'ICW25-SAMPLE', name: '김철현', company: '(주)한빛정밀', category: 'visitor' };

/** The print-only route: one badge, nothing else on the page. */
export function BadgePreviewPage({ params }: { params: URLSearchParams }) {
  const t = params.get('badge-preview');
  const template: BadgeTemplateId = isBadgeTemplateId(t) ? t : 'ql62';
  const cat = params.get('category');
  const ticket: BadgeTicket = {
    code: params.get('code') ?? SAMPLE_BADGE.code,
    name: params.get('name') ?? SAMPLE_BADGE.name,
    company: params.get('company') ?? SAMPLE_BADGE.company,
    category: (CATEGORIES as readonly string[]).includes(cat ?? '') ? (cat as Category) : SAMPLE_BADGE.category,
  };
  const rendered = useRenderedBadge(template, ticket, params.get('event') ?? undefined);
  return (
    <div className="badge-preview" data-testid="badge-preview" data-template={template} data-ready={rendered ? '1' : undefined} data-fit={rendered?.fit.ok ? 'ok' : rendered ? 'overflow' : undefined} data-render-ms={rendered?.ms.toFixed(2)} data-fit-ms={rendered?.fit.ms.toFixed(2)}>
      {rendered && <BadgeFrame rendered={rendered} title={ticket.name} />}
    </div>
  );
}
