// Where each part of a badge goes on a template, in millimetres from the page's
// top-left corner: the fit boxes (text that shrinks to fit: name, company, event,
// category label, code), the QR square and the category band. Pure arithmetic on
// the template's size, so a new stock size gets a sensible layout for free.
import { SAFE_AREA_MM, type BadgeTemplate } from './templates';

export type FitKey = 'name' | 'company' | 'event' | 'label' | 'code';

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface FitBox extends Box {
  key: FitKey;
  /** The largest font size tried, in mm; the fit shrinks from here. */
  maxFontMm: number;
  weight: 400 | 600 | 800;
  align: 'left' | 'center' | 'right';
  /** Names may break inside a word when keeping words whole would shrink them too far. */
  breakWordsIfSmall: boolean;
  /** Text on the colour band (white). */
  onBand: boolean;
}

export interface BadgeLayout {
  band: Box;
  qr: Box;
  boxes: FitBox[];
}

const S = SAFE_AREA_MM;

function box(key: FitKey, b: Box, maxFontMm: number, rest: Partial<FitBox> = {}): FitBox {
  return { key, ...b, maxFontMm, weight: 400, align: 'left', breakWordsIfSmall: false, onBand: false, ...rest };
}

/** A tall label: band on top, then event, name, company, and the QR with its code below. */
function stripLayout(W: number, H: number): BadgeLayout {
  const bandH = 0.16 * H;
  const inner = W - 2 * S;
  const codeH = 3.5;
  const q = Math.min(inner * 0.46, 0.25 * H);
  const qrTop = H - S - codeH - 0.5 - q;
  const eventTop = bandH + 1.5;
  const eventH = 4.5;
  const nameTop = eventTop + eventH + 1;
  const nameH = 0.3 * H;
  const companyTop = nameTop + nameH + 1;
  const companyH = Math.max(6, qrTop - 1.5 - companyTop);
  return {
    band: { top: 0, left: 0, width: W, height: bandH },
    qr: { top: qrTop, left: (W - q) / 2, width: q, height: q },
    boxes: [
      box('label', { top: S, left: S, width: inner, height: bandH - S - 1.5 }, 0.55 * (bandH - S - 1.5), { weight: 800, align: 'center', onBand: true }),
      box('event', { top: eventTop, left: S, width: inner, height: eventH }, 3, { align: 'center' }),
      box('name', { top: nameTop, left: S, width: inner, height: nameH }, 0.15 * H, { weight: 800, align: 'center', breakWordsIfSmall: true }),
      box('company', { top: companyTop, left: S, width: inner, height: companyH }, 0.05 * H, { weight: 600, align: 'center' }),
      box('code', { top: H - S - codeH, left: S, width: inner, height: codeH }, 2.6, { align: 'center' }),
    ],
  };
}

/** A landscape card: event, the name across the top, company beside the QR, band at the bottom. */
function cardLayout(W: number, H: number): BadgeLayout {
  const bandH = 0.2 * H;
  const inner = W - 2 * S;
  const eventH = 0.065 * H;
  const q = 0.34 * H;
  const qrBottom = H - bandH - 2;
  const qrTop = qrBottom - q;
  const nameTop = S + eventH + 1;
  const labelTop = H - bandH + 1.5;
  const labelH = H - S - labelTop;
  const codeW = 0.3 * inner;
  return {
    band: { top: H - bandH, left: 0, width: W, height: bandH },
    qr: { top: qrTop, left: W - S - q, width: q, height: q },
    boxes: [
      box('event', { top: S, left: S, width: inner, height: eventH }, 0.045 * H),
      box('name', { top: nameTop, left: S, width: inner, height: qrTop - 1 - nameTop }, 0.18 * H, { weight: 800, breakWordsIfSmall: true }),
      box('company', { top: qrTop, left: S, width: inner - q - 3, height: q }, 0.075 * H, { weight: 600 }),
      box('label', { top: labelTop, left: S, width: inner - codeW - 2, height: labelH }, 0.6 * labelH, { weight: 800, onBand: true }),
      box('code', { top: labelTop, left: W - S - codeW, width: codeW, height: labelH }, 0.3 * labelH, { align: 'right', onBand: true }),
    ],
  };
}

export function layoutFor(t: BadgeTemplate): BadgeLayout {
  return t.layout === 'strip' ? stripLayout(t.widthMm, t.heightMm) : cardLayout(t.widthMm, t.heightMm);
}
