import { test } from '@playwright/test';
import { openSelfService, tapHangul } from './support/self';

for (const [w, h] of [[1280, 800], [1080, 1920], [1920, 1080]] as const) {
  test(`walkin ${w}x${h}`, async ({ page }) => {
    test.setTimeout(45_000);
    await page.setViewportSize({ width: w, height: h });
    await openSelfService(page);
    await page.getByTestId('self-start').click();
    await page.getByTestId('self-walkin-open').click();
    await tapHangul(page, '윤하늘');
    await page.screenshot({ path: `/tmp/shots/walkin-${w}.png` });
    const m = await page.evaluate(() => {
      const rows = document.querySelectorAll('.osk__row');
      const sizes = [...document.querySelectorAll('*')].filter((e) => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible').map((e) => `${e.className}:${e.scrollHeight}/${e.clientHeight}`);
      const over = [...document.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().bottom > innerHeight).map((e) => `${e.tagName}.${e.className}:${e.getBoundingClientRect().top}-${e.getBoundingClientRect().bottom} ${getComputedStyle(e).position}`);
      return { over, sh: document.scrollingElement!.scrollHeight, ih: innerHeight, last: rows[rows.length - 1]!.getBoundingClientRect().bottom, next: document.querySelector('[data-testid=self-walkin-next]')!.getBoundingClientRect().bottom, sizes };
    });
    console.log(w, h, JSON.stringify(m));
    await page.getByTestId('self-walkin-next').click();
    await page.screenshot({ path: `/tmp/shots/consent-${w}.png` });
  });
}
