// Accessibility checks shared by every e2e that shows a screen: axe-core against
// WCAG 2.0 A/AA, 2.1 AA and 2.2 AA, failing on serious or critical violations
// (contrast below 4.5:1, unlabeled controls, …), and a touch-target check that
// every visible control is at least 44 × 44 CSS px (WCAG 2.5.5 / KS X 9211).
// Other screens' specs import these: `await expectAccessible(page, 'attract')`.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeOptions {
  /** CSS selectors axe leaves out (say why at the call site). */
  exclude?: string[];
}

/** Runs axe on the page as it is now; fails with a readable list of serious/critical violations. */
export async function expectAxeClean(page: Page, screen: string, opts: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const sel of opts.exclude ?? []) builder = builder.exclude(sel);
  const result = await builder.analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`).join('\n')}`);
  expect(report, `axe on "${screen}"`).toEqual([]);
}

/** The controls a finger must hit: every visible button, link, input, select and role=button. */
const CONTROLS = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"], [role="switch"]';

/** Every visible control on the page is at least `min` × `min` CSS px (checkboxes and radios count their label). */
export async function expectTouchTargets(page: Page, screen: string, min = 44): Promise<void> {
  const small = await page.locator(CONTROLS).evaluateAll((els, minPx) => {
    const out: string[] = [];
    for (const el of els as HTMLElement[]) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // A visually hidden file input is driven by its label; a checkbox by its label too.
      const input = el instanceof HTMLInputElement ? el : null;
      if (input && (input.type === 'checkbox' || input.type === 'radio' || input.type === 'file')) {
        const label = input.closest('label') ?? (input.id ? document.querySelector(`label[for="${input.id}"]`) : null);
        if (label) r = label.getBoundingClientRect();
        else if (input.type === 'file' && (r.width <= 1 || r.height <= 1)) continue;
      }
      if (r.width + 0.5 < minPx || r.height + 0.5 < minPx) {
        const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
        out.push(`${el.tagName.toLowerCase()} "${id}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, min);
  expect(small, `controls under ${min}×${min} px on "${screen}"`).toEqual([]);
}

/** Both checks: what every screen of the kiosk must pass. */
export async function expectAccessible(page: Page, screen: string, opts: AxeOptions = {}): Promise<void> {
  await expectAxeClean(page, screen, opts);
  await expectTouchTargets(page, screen);
}
