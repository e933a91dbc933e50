// Walk-ins in the organiser console: two desks, offline, each registered the same
// person (same name and company, spelled with different spacing); once both
// uploaded, the console's reports list every walk-in with its desk and the
// consents agreed, and the later registration is shown first, flagged as possibly
// the same person as the earlier one — not two silent tickets. The check-in export
// carries the walk-ins with the same flag.
import { expect, test } from '@playwright/test';
import { newCheckInId } from '../../core/ids';
import { parseCsv } from './support/upstream';
import { ADMIN, EVENT_ID, login, startConsoleServer, type ConsoleServer } from './support/console';

let s: ConsoleServer;
test.beforeAll(async () => {
  s = await startConsoleServer(50);
});
test.afterAll(async () => {
  await s.close();
});

const walkIn = (deviceId: string, n: number, name: string, company: string, at: string, contact = false) => ({
  id: newCheckInId(),
  code: `W-${deviceId}-${n}`,
  name,
  company,
  category: 'visitor',
  consents: [
    { item: 'registration', granted: true },
    { item: 'contact', granted: contact },
    { item: 'marketing', granted: false },
  ],
  consentText: 'walkin-2026-12-v1',
  checkpointId: 'info-desk',
  checkinId: newCheckInId(),
  registeredAt: at,
});

test('possible duplicate walk-ins are flagged for the organiser in the reports and the export', async ({ page }) => {
  const a = await s.desk('현장등록 A', 'info-desk');
  const b = await s.desk('현장등록 B', 'info-desk');
  const first = walkIn(a.deviceId, 1, '최현장', '한빛상사', '2025-09-11T10:00:00.000+09:00', true);
  const other = walkIn(a.deviceId, 2, '이다른', '새한정밀', '2025-09-11T10:05:00.000+09:00');
  const again = walkIn(b.deviceId, 1, '최 현장', '한빛 상사', '2025-09-11T10:20:00.000+09:00');
  for (const [desk, items] of [[a, [first, other]], [b, [again]]] as const) {
    expect((await s.post(desk.token, '/v1/sync/walkins', { items })).status).toBe(200);
    const checkins = items.map((w) => ({ id: w.checkinId, code: w.code, checkpointId: 'info-desk', direction: 'entry', verdict: 'accepted', scannedAt: w.registeredAt, badge: 'printed' }));
    expect((await s.post(desk.token, '/v1/sync/checkins', { items: checkins })).status).toBe(200);
  }

  await login(page, s.base, ADMIN, 'ko');
  const summary = page.getByTestId('walkins-summary');
  await expect(summary).toHaveAttribute('data-count', '3');
  await expect(summary).toHaveAttribute('data-duplicates', '1');
  await expect(summary).toContainText('중복 의심: 1건');
  const rows = page.getByTestId('walkins').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // The flagged one first, naming the earlier registration.
  await expect(rows.first()).toHaveAttribute('data-code', again.code);
  await expect(rows.first()).toHaveAttribute('data-duplicate-of', first.code);
  await expect(rows.first().getByTestId('walkin-duplicate')).toContainText(`${first.code}와 동일인일 수 있음`);
  await expect(rows.first()).toContainText('현장등록 B');
  await expect(page.locator(`[data-code="${first.code}"]`)).toContainText('등록, 연락');
  await expect(page.locator(`[data-code="${first.code}"]`)).toHaveAttribute('data-duplicate-of', '');

  const res = await fetch(`${s.base}/v1/admin/events/${EVENT_ID}/export.csv`, { headers: { authorization: `Bearer ${ADMIN}` } });
  const [header, ...cells] = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
  const csv = cells.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
  const byCode = new Map(csv.map((r) => [r.code, r]));
  expect(byCode.get(again.code)).toMatchObject({ name: '최 현장', possible_duplicate_of: first.code, walk_in_registered_at: again.registeredAt });
  expect(byCode.get(first.code)).toMatchObject({ name: '최현장', possible_duplicate_of: '' });
  expect(byCode.get(other.code)).toMatchObject({ name: '이다른', possible_duplicate_of: '' });
});
