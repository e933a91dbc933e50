// Kiosks whose view of the world differs from the server's: one whose clock is a
// day behind (the heartbeat measures it, every uploaded row carries the estimate,
// and the scan time is stored as the kiosk sent it), and two desks that both admit
// one `once` ticket while the server is down (both rows kept, exactly one
// `conflict`, visible in the admin export). Each ends with the exactly-once count.
import { expect, test } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { admissibleCodes } from './support/kiosk';
import { expectAllOnServer, expectDrained, indicator, localCheckins, madeHere, newKiosk, pairByUrl, scanAll, scanRead } from './support/sync';
import { startUpstream, type Upstream } from './support/upstream';

const DAY = 24 * 60 * 60 * 1000;

let up: Upstream | undefined;

test.afterEach(async () => {
  await up?.close();
  up = undefined;
});

test('kiosk clock a day behind the server: the heartbeat offset rides on every uploaded row, scan times as sent', async ({ browser }) => {
  up = await startUpstream();
  const { context, page } = await newKiosk(browser);
  try {
    // The kiosk's own clock (Date, timers) runs a day behind; `?at=` still puts its
    // rehearsal clock on the event day, as staff would set it.
    await page.clock.install({ time: Date.now() - DAY });
    await pairByUrl(page, up.url, await up.pairingLink('info-desk'));
    const shown = await scanAll(page, admissibleCodes(5, 200));
    await expectDrained(page);

    // The server measured the same offset from the heartbeat.
    const [device] = await up.devices();
    expect(Math.abs(device!.clock_offset_ms! - DAY)).toBeLessThan(60_000);

    const local = new Map((await localCheckins(page)).map((c) => [c.id, c]));
    const rows = await up.checkins();
    expect(rows.length).toBe((await madeHere(page)).length);
    for (const row of rows) {
      const mine = local.get(row.id)!;
      // The estimate the kiosk stamped on the check-in reached the server unchanged…
      expect(mine.clockOffsetMs).toBeDefined();
      expect(Math.abs(mine.clockOffsetMs! - DAY)).toBeLessThan(60_000);
      expect(row.clock_offset_ms).toBe(Math.round(mine.clockOffsetMs!));
      // …and the scan time is stored as sent (device time, with the venue's offset), not "corrected".
      expect(row.scanned_at).toBe(mine.scannedAt);
      expect(row.scanned_at).toMatch(/^2025-09-10T11:0\d:\d\d\.\d{3}\+09:00$/);
      expect(mine.syncState).toBe('stored');
    }
    await expectAllOnServer(up, [page], shown);
  } finally {
    await context.close();
  }
});

test('two kiosks admit the same once ticket while the server is down: both kept, exactly one conflict, in the export', async ({ browser }) => {
  test.setTimeout(150_000);
  up = await startUpstream();
  const a = await newKiosk(browser);
  const b = await newKiosk(browser);
  try {
    // Two desks at the ceremony door, each paired as its own device.
    await pairByUrl(a.page, up.url, await up.pairingLink('ceremony'));
    await pairByUrl(b.page, up.url, await up.pairingLink('ceremony'));
    const devices = await up.devices();
    expect(devices).toHaveLength(2);

    await up.stop();
    const kim = demoTicket(0); // 김철현
    const shown: string[] = [];
    for (const desk of [a, b]) {
      // Neither desk can know about the other: both admit.
      shown.push(...(await scanAll(desk.page, [kim.code])));
      await expect(desk.page.getByTestId('verdict-name')).toHaveText('김철현');
    }
    for (const desk of [a, b]) {
      await expect(indicator(desk.page)).toHaveAttribute('data-sync-state', 'offline');
      await expect(indicator(desk.page)).toHaveAttribute('data-outbox', String((await madeHere(desk.page)).length));
    }

    await up.start();
    await expectDrained(a.page);
    await expectDrained(b.page);

    // Upstream: both rows, from both devices; the later scan is the conflict.
    const rows = (await up.checkins()).filter((r) => r.code === kim.code);
    expect(rows.map((r) => r.id).sort()).toEqual([...shown].sort());
    expect(rows.every((r) => r.code === kim.code && r.checkpoint_id === 'ceremony' && r.verdict === 'accepted')).toBe(true);
    expect(new Set(rows.map((r) => r.device_id))).toEqual(new Set(devices.map((d) => d.id)));
    expect(rows.map((r) => r.status).sort()).toEqual(['conflict', 'stored']);
    const [first, later] = [...rows].sort((x, y) => Date.parse(x.scanned_at) - Date.parse(y.scanned_at) || (x.id < y.id ? -1 : 1));
    expect(first!.status).toBe('stored');
    expect(later!.status).toBe('conflict');

    // The organiser sees it in the export's status column.
    const exported = (await up.exportCsv()).filter((r) => r.code === kim.code);
    expect(exported).toHaveLength(2);
    expect(Object.fromEntries(exported.map((r) => [r.id, r.status]))).toEqual({ [first!.id]: 'stored', [later!.id]: 'conflict' });
    expect(new Set(exported.map((r) => r.device)).size).toBe(2);

    // Both desks refuse the ticket from now on (and each scan makes its desk sync).
    for (const desk of [a, b]) {
      const v = await scanRead(desk.page, kim.code);
      await expect(v).toHaveAttribute('data-reason', 'already_checked_in');
      shown.push((await v.getAttribute('data-checkin-id'))!);
    }
    // Each desk ends up holding both admissions; the conflicting one is marked so locally too.
    for (const desk of [a, b]) {
      const admissions = async () =>
        Object.fromEntries(
          (await localCheckins(desk.page)).filter((c) => c.code === kim.code && c.verdict === 'accepted').map((c) => [c.id, c.syncState]),
        );
      await expect.poll(admissions, { timeout: 45_000 }).toEqual({ [first!.id]: 'stored', [later!.id]: 'conflict' });
    }
    // The desk that made the later admission shows it in its recent strip as a conflict, in words too.
    const laterDesk = (await madeHere(a.page)).includes(later!.id) ? a : b;
    const laterItem = laterDesk.page.locator(`[data-testid="recent-item"][data-checkin-id="${later!.id}"]`);
    await expect(laterItem).toHaveAttribute('data-sync', 'conflict');
    await expect(laterItem.getByTestId('recent-mark')).toContainText('충돌');
    const firstDesk = laterDesk === a ? b : a;
    await expect(firstDesk.page.locator(`[data-testid="recent-item"][data-checkin-id="${first!.id}"]`)).toHaveAttribute('data-sync', 'sent');
    await expectDrained(a.page);
    await expectDrained(b.page);
    const final = await up.checkins();
    expect(final.filter((r) => r.status === 'conflict').map((r) => r.id)).toEqual([later!.id]);
    await expectAllOnServer(up, [a.page, b.page], shown);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
