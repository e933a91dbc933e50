// Shrink to fit, never clip: each text box of a badge gets the largest font (in
// 0.25 mm steps) at which its text lies inside the box, measured in a live
// layout — lines stacked no taller than the box, no glyph past its sides. Names
// keep Hangul words whole (word-break: keep-all) unless that would make them
// much smaller than breaking inside a word would. The sizes found are written
// inline, so the serialised badge prints exactly as measured (the print window
// runs no script).

const STEP_MM = 0.25;
const MIN_MM = 1;
/** Measurement slack in CSS px: layout units are 1/64 px. */
const EPS = 0.05;

export interface FitReport {
  /** Every box fits at its chosen size. */
  ok: boolean;
  /** Chosen font size per box key, in mm. */
  fonts: Record<string, number>;
  /** Time the fitting took, in ms. */
  ms: number;
}

/** The text lies inside its box: height of the stacked lines, and the glyphs' horizontal extent. */
export function textFits(box: HTMLElement, inner: HTMLElement): boolean {
  const b = box.getBoundingClientRect();
  const lines = inner.getBoundingClientRect();
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(inner);
  const glyphs = range.getBoundingClientRect();
  return lines.height <= b.height + EPS && glyphs.left >= b.left - EPS && glyphs.right <= b.right + EPS;
}

function setSize(inner: HTMLElement, sizeMm: number): void {
  inner.style.fontSize = `${sizeMm}mm`;
}

/** The largest size on the 0.25 mm grid in [MIN_MM, max] that fits, or null when even MIN_MM does not. */
function largestFitting(box: HTMLElement, inner: HTMLElement, maxMm: number): number | null {
  const steps = Math.floor((maxMm - MIN_MM) / STEP_MM);
  const at = (i: number) => (i === steps ? maxMm : MIN_MM + i * STEP_MM);
  const fitsAt = (i: number) => {
    setSize(inner, at(i));
    return textFits(box, inner);
  };
  if (fitsAt(steps)) return maxMm;
  if (!fitsAt(0)) return null;
  // Binary search on the grid, then step down until the size found is verified:
  // wrapping is not strictly monotonic, and only a measured fit is kept.
  let lo = 0;
  let hi = steps;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fitsAt(mid)) lo = mid;
    else hi = mid;
  }
  for (let i = lo; i >= 0; i -= 1) if (fitsAt(i)) return at(i);
  return null;
}

/** Fits every `[data-fit]` box of a badge that is attached to a laid-out document. */
export function fitBadge(root: HTMLElement): FitReport {
  const started = performance.now();
  const fonts: Record<string, number> = {};
  let ok = true;
  for (const box of root.querySelectorAll<HTMLElement>('[data-fit]')) {
    const inner = box.firstElementChild as HTMLElement | null;
    if (!inner) continue;
    const max = Number(box.dataset.maxFontMm);
    let size = largestFitting(box, inner, max);
    if (box.dataset.breakIfSmall && (size === null || size < 0.6 * max)) {
      box.classList.add('tb-fit--break');
      const broken = largestFitting(box, inner, max);
      if (broken !== null && (size === null || broken > size * 1.15)) size = broken;
      else box.classList.remove('tb-fit--break');
    }
    const key = box.dataset.fit ?? '?';
    if (size === null) {
      ok = false;
      size = MIN_MM;
    }
    setSize(inner, size);
    box.dataset.fontMm = String(size);
    fonts[key] = size;
  }
  root.dataset.fit = ok ? 'ok' : 'overflow';
  return { ok, fonts, ms: performance.now() - started };
}
