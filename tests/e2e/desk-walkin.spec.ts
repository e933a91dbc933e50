// Walk-in registration at a desk in real Chromium against the real upstream: with
// the server down, staff register a walk-in (minimum fields, consent item by item,
// optional items refused) and one button checks in and prints the badge; the badge
// document, printed to PDF and rasterised, holds a QR that the app's decoder reads
// back as the walk-in's code. When the server is back the walk-in and its check-in
// go up, a second desk pulls the new ticket and refuses its second `once` entry by
// name, and the organiser's export carries the registration.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { decodeQr, pdfFacts } from './support/badge';
import { expectDrained, localCheckins, newKiosk, pairByUrl, scanRead } from './support/sync';
import { startUpstream, type Upstream } from './support/upstream';
import { chooseBadges, openAtCheckpoint } from './support/kiosk';

let up: Upstream | undefined;
test.afterEach(async () => {
  await up?.close();
  up = undefined;
});

/** Collects the srcdoc of every badge print frame the browser platform opens. */
async function watchPrintFrames(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __printFrames: string[] }).__printFrames = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n instanceof HTMLIFrameElement && n.getAttribute('aria-hidden') === 'true' && n.srcdoc.includes('tb-badge')) seen.push(n.srcdoc);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { __printFrames: string[] }).__printFrames]);
}

/** The badge document as PDF from its own @page rule (what a print dialog uses), in a script-less page. */
async function badgePdf(browser: Browser, html: string): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const p = await context.newPage();
    await p.setContent(html, { waitUntil: 'load' });
    return await p.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
}

function walkInsOf(page: Page): Promise<{ code: string; name: string; phone?: string; syncState: string; consents: { item: string; granted: boolean }[] }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('walkins').objectStore('walkins').getAll();
          all.onsuccess = () => {
            resolve(all.result);
            req.result.close();
          };
        };
      }),
  );
}

test('walk-in at a desk offline: badge with a readable QR, then a second desk knows the code after reconnect', async ({ browser }) => {
  test.setTimeout(200_000);
  up = await startUpstream();
  const a = await newKiosk(browser);
  const b = await newKiosk(browser);
  try {
    const frames = await watchPrintFrames(a.page);
    await pairByUrl(a.page, up.url, await up.pairingLink('ceremony'));
    await pairByUrl(b.page, up.url, await up.pairingLink('ceremony'));
    // Desk A prints badges on 4 × 3 in cards.
    await a.page.getByTestId('open-setup').click();
    await chooseBadges(a.page, 'card4x3');
    await a.page.locator('[data-checkpoint="ceremony"]').click();
    await expect(a.page.getByTestId('scan-prompt')).toBeVisible();

    await up.stop();
    await a.page.getByTestId('open-walkin').click();
    const screen = a.page.getByTestId('walkin-screen');
    // Nothing typed: the form says what is missing, in Korean, and goes nowhere.
    await a.page.getByTestId('walkin-next').click();
    await expect(a.page.locator('[data-problem="name_required"]')).toContainText('성명을 입력하세요');
    await expect(a.page.locator('[data-problem="category_required"]')).toBeVisible();
    await expect(screen).toHaveAttribute('data-step', 'details');
    await a.page.getByTestId('walkin-name').fill('최현장');
    await a.page.getByTestId('walkin-company').fill('한빛상사');
    await expect(a.page.getByTestId('walkin-category-staff')).toHaveCount(0); // a walk-in is never a staff card
    await a.page.getByTestId('walkin-category-visitor').click();
    await a.page.getByTestId('walkin-phone').fill('010-1234-5678');
    await a.page.getByTestId('walkin-next').click();
    await expect(screen).toHaveAttribute('data-step', 'consent');

    // Consent item by item: required and optional apart, each with purpose, items, retention, right to refuse.
    await expect(a.page.getByTestId('consent-group-required').getByTestId('consent-registration')).toBeVisible();
    await expect(a.page.getByTestId('consent-group-optional').locator('[data-required="false"]')).toHaveCount(2);
    for (const item of ['registration', 'contact', 'marketing']) {
      const terms = a.page.getByTestId(`consent-${item}`).locator('dt');
      await expect(terms).toHaveText(['수집·이용 목적', '수집 항목', '보유·이용 기간', '동의 거부 권리']);
    }
    const submit = a.page.getByTestId('walkin-submit');
    await expect(submit).toBeDisabled();
    await a.page.getByTestId('consent-registration-no').click();
    await expect(a.page.getByTestId('consent-required-refused')).toBeVisible();
    await expect(submit).toBeDisabled();
    await a.page.getByTestId('consent-registration-yes').click();
    await a.page.getByTestId('consent-contact-no').click();
    await a.page.getByTestId('consent-marketing-no').click();
    await expect(submit).toBeEnabled(); // refusing optional items never blocks
    await expect(submit).toContainText('명찰 출력');
    await submit.click();

    // One step: registered, admitted, badge printed.
    const v = a.page.locator('[data-verdict="accepted"]');
    await expect(v).toBeVisible();
    await expect(v).toHaveAttribute('data-badge', 'printed');
    await expect(v).toContainText('최현장');
    await expect(a.page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'printed');
    const checkinId = (await v.getAttribute('data-checkin-id'))!;
    const code = (await localCheckins(a.page)).find((c) => c.id === checkinId)!.code;
    expect(code).toMatch(/^W-.+-1$/);
    const [walkIn] = await walkInsOf(a.page);
    expect(walkIn).toMatchObject({ code, name: '최현장', syncState: 'pending' });
    expect(walkIn!.phone).toBeUndefined(); // contact refused: the number is not kept
    expect(walkIn!.consents).toEqual([{ item: 'registration', granted: true }, { item: 'contact', granted: false }, { item: 'marketing', granted: false }]);
    await expect(a.page.locator(`[data-testid="recent-item"][data-checkin-id="${checkinId}"]`)).toHaveAttribute('data-sync', 'pending');

    // The badge: one card-sized page whose QR decodes back to the walk-in's code.
    const printed = await frames();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('최현장');
    const pdf = pdfFacts(await badgePdf(browser, printed[0]!));
    expect(pdf.pages).toBe(1);
    expect(Math.abs(pdf.widthMm - 101.6)).toBeLessThan(0.5);
    expect(Math.abs(pdf.heightMm - 76.2)).toBeLessThan(0.5);
    expect(await decodeQr(pdf.png)).toEqual([code]);

    // The server comes back: the walk-in and its admission go up.
    await up.start();
    await expectDrained(a.page);
    await expect(a.page.locator(`[data-testid="recent-item"][data-checkin-id="${checkinId}"]`)).toHaveAttribute('data-sync', 'sent');
    expect((await walkInsOf(a.page))[0]!.syncState).toBe('stored');

    // Desk B pulls the ticket and the admission: the code is known there, by name, and refused as already in.
    await b.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => (await localCheckins(b.page)).some((c) => c.id === checkinId), { timeout: 90_000 }).toBe(true);
    const atB = await scanRead(b.page, code);
    await expect(atB).toHaveAttribute('data-reason', 'already_checked_in');
    await expect(atB).toContainText('최현장');
    await expectDrained(b.page);

    const rows = (await up.exportCsv()).filter((r) => r.code === code);
    expect(rows.map((r) => [r.verdict, r.name, r.company, r.badge])).toEqual([
      ['accepted', '최현장', '한빛상사', 'printed'],
      ['rejected', '최현장', '한빛상사', ''],
    ]);
    expect(rows[0]!.walk_in_registered_at).toMatch(/^2025-09-10T/);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('a walk-in form left unfinished on an unattended desk is discarded after 3 idle minutes, with what was typed', async ({ page }) => {
  await page.clock.install();
  await openAtCheckpoint(page, 'info-desk', { roster: 50 });
  await page.getByTestId('open-walkin').click();
  await page.getByTestId('walkin-name').fill('최현장');
  await page.getByTestId('walkin-phone').fill('010-1234-5678');
  await page.clock.fastForward(2 * 60_000);
  await expect(page.getByTestId('walkin-screen')).toBeVisible(); // not yet
  await page.clock.fastForward(60_000 + 1_000);
  await expect(page.getByTestId('walkin-screen')).toHaveCount(0);
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await page.getByTestId('open-walkin').click();
  await expect(page.getByTestId('walkin-name')).toHaveValue('');
  await expect(page.getByTestId('walkin-phone')).toHaveValue('');
  expect(await walkInsOf(page)).toEqual([]);
});
