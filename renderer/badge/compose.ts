// Builds a badge as DOM: the page-sized root, the category band, the QR and one
// fit box per text (at its largest font; fit.ts shrinks them), with the CSS that
// both the kiosk page (for measuring) and the print document use. Text goes in
// through textContent only, so a name can never inject markup into the print
// document; the QR is qrcode's own SVG.
import type { Category } from '../../core/model';
import { layoutFor, type Box, type FitBox } from './layout';
import { CATEGORY_COLOURS, type BadgeTemplate } from './templates';

/** What a badge shows. The QR holds `code` and nothing else. */
export interface BadgeContent {
  code: string;
  name: string;
  company: string;
  category: Category;
  /** The category written out, Korean and English (the band's label). */
  categoryLabel: { ko: string; en: string };
  /** The event's name, a small line; omitted: none. */
  event?: string;
}

export const BADGE_FONTS = "'Noto Sans CJK KR', 'Noto Sans KR', 'Malgun Gothic', 'Apple SD Gothic Neo', 'Pretendard', sans-serif";
const MONO = "'DejaVu Sans Mono', 'Consolas', ui-monospace, monospace";

/** Rules scoped to `.tb-badge`, so the kiosk page can hold a badge without either styling the other. */
export const BADGE_CSS = [
  `.tb-badge{position:relative;overflow:hidden;background:#fff;color:#111;font-family:${BADGE_FONTS};line-height:1.2;`,
  '-webkit-print-color-adjust:exact;print-color-adjust:exact;break-inside:avoid;box-sizing:border-box}',
  '.tb-badge *{box-sizing:border-box;margin:0;padding:0}',
  '.tb-badge__band{position:absolute}',
  '.tb-badge__qr{position:absolute;background:#fff}',
  '.tb-badge__qr svg{display:block;width:100%;height:100%}',
  '.tb-fit{position:absolute;display:flex;align-items:center;overflow:visible}',
  '.tb-fit__text{display:block;width:100%;white-space:normal;word-break:keep-all;overflow-wrap:normal}',
  '.tb-fit--break .tb-fit__text{overflow-wrap:anywhere}',
  '.tb-fit--band{color:#fff}',
  `.tb-fit--code .tb-fit__text{font-family:${MONO};letter-spacing:0.02em}`,
].join('');

/** The print document's own rules: the page is the label, no margins. */
export function pageCss(t: BadgeTemplate): string {
  return `@page{size:${t.widthMm}mm ${t.heightMm}mm;margin:0}html,body{margin:0;padding:0;background:#fff}`;
}

const mm = (n: number) => `${Math.round(n * 1000) / 1000}mm`;

function place(el: HTMLElement, b: Box): void {
  el.style.top = mm(b.top);
  el.style.left = mm(b.left);
  el.style.width = mm(b.width);
  el.style.height = mm(b.height);
}

function labelText(label: { ko: string; en: string }): string {
  const en = label.en.toUpperCase();
  return label.ko.trim().toUpperCase() === en.trim() ? en : `${label.ko} · ${en}`;
}

function textFor(key: FitBox['key'], c: BadgeContent): string {
  switch (key) {
    case 'name':
      return c.name.trim();
    case 'company':
      return c.company.trim();
    case 'event':
      return c.event?.trim() ?? '';
    case 'label':
      return labelText(c.categoryLabel);
    case 'code':
      return c.code;
  }
}

/**
 * The badge root for `template`, every text at its largest size. `qrSvg` is the
 * QR's SVG markup (qr.ts). Empty texts (no company, no event) get no box.
 */
export function composeBadge(doc: Document, template: BadgeTemplate, content: BadgeContent, qrSvg: string): HTMLElement {
  const layout = layoutFor(template);
  const root = doc.createElement('div');
  root.className = `tb-badge tb-badge--${template.layout}`;
  root.lang = 'ko';
  root.dataset.badgeTemplate = template.id;
  root.dataset.category = content.category;
  root.style.width = mm(template.widthMm);
  root.style.height = mm(template.heightMm);

  const band = doc.createElement('div');
  band.className = 'tb-badge__band';
  band.style.background = CATEGORY_COLOURS[content.category];
  place(band, layout.band);
  root.append(band);

  const qr = doc.createElement('div');
  qr.className = 'tb-badge__qr';
  qr.dataset.qr = content.code;
  qr.innerHTML = qrSvg;
  place(qr, layout.qr);
  root.append(qr);

  for (const b of layout.boxes) {
    const text = textFor(b.key, content);
    if (!text) continue;
    const el = doc.createElement('div');
    el.className = `tb-fit tb-fit--${b.key}${b.onBand ? ' tb-fit--band' : ''}`;
    el.dataset.fit = b.key;
    el.dataset.maxFontMm = String(b.maxFontMm);
    if (b.breakWordsIfSmall) el.dataset.breakIfSmall = '1';
    place(el, b);
    el.style.justifyContent = b.align === 'left' ? 'flex-start' : b.align === 'right' ? 'flex-end' : 'center';
    const inner = doc.createElement('div');
    inner.className = 'tb-fit__text';
    inner.style.textAlign = b.align;
    inner.style.fontWeight = String(b.weight);
    inner.style.fontSize = mm(b.maxFontMm);
    inner.textContent = text;
    el.append(inner);
    root.append(el);
  }
  return root;
}
