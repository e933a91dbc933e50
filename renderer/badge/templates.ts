// Badge stock the kiosk prints on: its page size in millimetres (Electron gets it
// in microns, the print document as @page size), the layout that suits it, and
// the safe area every mark stays inside. Margins are always none: the page is the
// label, and the 3 mm safe area keeps text and the QR clear of the printer's
// unprintable edge (a Brother QL prints ~58 mm of its 62 mm tape) and of a
// slightly skewed feed. Colour bands may bleed past it: losing a sliver of
// colour at the edge costs nothing.
import type { Category } from '../../core/model';

export const BADGE_TEMPLATE_IDS = ['ql62', 'card4x3', 'a6'] as const;
export type BadgeTemplateId = (typeof BADGE_TEMPLATE_IDS)[number];

export interface BadgeTemplate {
  id: BadgeTemplateId;
  /** Width × height of the label as it leaves the printer, in mm. */
  widthMm: number;
  heightMm: number;
  /** `strip`: tall and narrow (continuous tape); `card`: landscape card in a holder. */
  layout: 'strip' | 'card';
}

export const SAFE_AREA_MM = 3;

export const BADGE_TEMPLATES: Record<BadgeTemplateId, BadgeTemplate> = {
  // Brother QL-class 62 mm continuous tape (DK-22205), cut at 100 mm: the size
  // Brother's own driver offers as "62 mm × 100 mm".
  ql62: { id: 'ql62', widthMm: 62, heightMm: 100, layout: 'strip' },
  // 4 × 3 in badge stock (fanfold cards, or a 4-inch label printer), landscape.
  card4x3: { id: 'card4x3', widthMm: 101.6, heightMm: 76.2, layout: 'card' },
  // A6 card, landscape (an office printer with A6 stock, or a cut A4 sheet).
  a6: { id: 'a6', widthMm: 148, heightMm: 105, layout: 'card' },
};

export function isBadgeTemplateId(value: unknown): value is BadgeTemplateId {
  return typeof value === 'string' && (BADGE_TEMPLATE_IDS as readonly string[]).includes(value);
}

/**
 * Band colour per category: the kiosk's chip colours, each dark enough for white
 * text at ≥ 4.5:1 — and on a black-only thermal printer the band turns grey while
 * the label, written in words, stays readable.
 */
export const CATEGORY_COLOURS: Record<Category, string> = {
  visitor: '#1f4fd1',
  exhibitor: '#0b7a6e',
  buyer: '#6b2bbf',
  press: '#c2410c',
  vip: '#8a6300',
  staff: '#374151',
  speaker: '#be185d',
};
