// Events in the console: edit the demo event (its English name, a new
// checkpoint with a rule, entry/exit, categories, programmes and opening hours
// per day), save, and read it back both from the API and after a reload; a
// checkpoint whose hours close before they open is refused at its field and
// nothing is sent; a new event is created from an empty form.
import { expect, test } from '@playwright/test';
import type { EventBundle } from '../../core/protocol';
import { ADMIN, EVENT_ID, login, startConsoleServer, type ConsoleServer } from './support/console';

let s: ConsoleServer;
test.beforeAll(async () => {
  s = await startConsoleServer();
});
test.afterAll(async () => {
  await s.close();
});

const bundle = async (id: string) =>
  (await (await fetch(`${s.base}/v1/admin/events/${id}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as EventBundle;

test('an event edit round-trips: names, a new checkpoint with rules, categories, programmes and hours per day', async ({ page }) => {
  const before = await bundle(EVENT_ID);
  await login(page, s.base);
  await page.getByTestId('nav-events').click();
  await page.getByTestId('f-event.name.en').fill('Industrial Complex Week 2025 (edited)');

  await page.getByTestId('add-checkpoint').click();
  const i = before.checkpoints.length;
  const cp = page.locator(`[data-testid="checkpoints"] > details`).nth(i);
  await cp.getByTestId(`f-checkpoints.${i}.id`).fill('vip-lounge');
  await cp.getByTestId(`f-checkpoints.${i}.name.ko`).fill('VIP 라운지');
  await cp.getByTestId(`f-checkpoints.${i}.name.en`).fill('VIP lounge');
  await cp.getByTestId(`f-checkpoints.${i}.rule`).selectOption('unlimited');
  await cp.getByTestId(`f-checkpoints.${i}.mode`).selectOption('entry_exit');
  await cp.getByTestId(`c-checkpoints.${i}.categories-vip`).check();
  await cp.getByTestId(`c-checkpoints.${i}.categories-speaker`).check();
  await cp.getByTestId(`c-checkpoints.${i}.programmes-gg-ceremony`).check();
  await cp.getByTestId(`set-hours-checkpoints.${i}.hours`).click();
  await cp.getByTestId(`f-checkpoints.${i}.hours.default.0.open`).fill('08:30');
  await cp.getByTestId(`hours-mode-checkpoints.${i}.hours-2025-09-14`).selectOption('closed');
  await cp.getByTestId(`hours-mode-checkpoints.${i}.hours-2025-09-10`).selectOption('custom');
  await cp.getByTestId(`f-checkpoints.${i}.hours.days.2025-09-10.0.open`).fill('11:00');
  await cp.getByTestId(`f-checkpoints.${i}.hours.days.2025-09-10.0.close`).fill('13:00');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-message')).toContainText('Saved');

  const after = await bundle(EVENT_ID);
  expect(after.event.name.en).toBe('Industrial Complex Week 2025 (edited)');
  expect(after.event.name.ko).toBe(before.event.name.ko);
  expect(after.programmes).toEqual(before.programmes);
  expect(after.checkpoints.slice(0, i)).toEqual(before.checkpoints);
  expect(after.checkpoints[i]).toEqual({
    id: 'vip-lounge',
    eventId: EVENT_ID,
    name: { ko: 'VIP 라운지', en: 'VIP lounge' },
    rule: 'unlimited',
    mode: 'entry_exit',
    categories: ['vip', 'speaker'],
    programmes: ['gg-ceremony'],
    hours: { default: [{ open: '08:30', close: '18:00' }], days: { '2025-09-14': [], '2025-09-10': [{ open: '11:00', close: '13:00' }] } },
  });

  // After a reload the form shows what was stored.
  await page.reload();
  await page.getByTestId('nav-events').click();
  await expect(page.getByTestId('f-event.name.en')).toHaveValue('Industrial Complex Week 2025 (edited)');
  const again = page.locator('[data-testid="checkpoints"] > details').nth(i);
  await expect(again).toContainText('vip-lounge');
  await again.locator('summary').click();
  await expect(again.getByTestId(`hours-mode-checkpoints.${i}.hours-2025-09-14`)).toHaveValue('closed');
  await expect(again.getByTestId(`f-checkpoints.${i}.hours.days.2025-09-10.0.open`)).toHaveValue('11:00');
  await expect(again.getByTestId(`c-checkpoints.${i}.categories-vip`)).toBeChecked();
});

test('hours that close before they open are marked at their field and nothing is saved', async ({ page }) => {
  const before = await bundle(EVENT_ID);
  await login(page, s.base);
  await page.getByTestId('nav-events').click();
  const cp = page.locator('[data-testid="checkpoints"] > details[data-checkpoint="coffee-truck"]');
  await cp.locator('summary').click();
  const idx = before.checkpoints.findIndex((c) => c.id === 'coffee-truck');
  await cp.getByTestId(`f-checkpoints.${idx}.hours.default.0.close`).fill('07:00');
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/v1/admin/events') && posts.push(r.url()));
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-message')).toContainText('1 problem');
  await expect(cp.locator('.window[data-invalid="true"]')).toHaveCount(1);
  await expect(page.getByTestId('event-issues')).toContainText(`checkpoints.${idx}.hours.default.0.close`);
  expect(posts).toEqual([]);
  expect(await bundle(EVENT_ID)).toEqual(before);
});

test('a new event is created from the empty form', async ({ page }) => {
  await login(page, s.base);
  await page.getByTestId('nav-events').click();
  await page.getByTestId('new-event').click();
  await page.getByTestId('f-event.id').fill('expo2026');
  await page.getByTestId('f-event.name.ko').fill('2026 박람회');
  await page.getByTestId('f-event.name.en').fill('Expo 2026');
  await page.getByTestId('f-event.days.0').fill('2026-05-20');
  await page.getByTestId('add-day').click();
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-select')).toHaveValue('expo2026');
  const b = await bundle('expo2026');
  expect(b.event).toEqual({ id: 'expo2026', name: { ko: '2026 박람회', en: 'Expo 2026' }, timeZone: 'Asia/Seoul', days: ['2026-05-20', '2026-05-21'] });
  expect(b.checkpoints).toEqual([{ id: 'entrance', eventId: 'expo2026', name: { ko: '입구', en: 'Entrance' }, rule: 'once_per_day', mode: 'entry' }]);
});

test('checkpoint rules in Korean: 2 coffees a day, hall A’s day from 04:00 with no re-entry; a cap of 0 never sent; stored, shown after a reload, cleared back to absent', async ({ page }) => {
  const before = await bundle(EVENT_ID);
  await login(page, s.base, ADMIN, 'ko');
  await page.getByTestId('nav-events').click();
  // The test before created another event: edit the demo one.
  await page.getByTestId('event-select').selectOption(EVENT_ID);
  const coffeeIdx = before.checkpoints.findIndex((c) => c.id === 'coffee-truck');
  const hallIdx = before.checkpoints.findIndex((c) => c.id === 'hall-a');
  const coffee = page.locator('[data-testid="checkpoints"] > details[data-checkpoint="coffee-truck"]');
  const hall = page.locator('[data-testid="checkpoints"] > details[data-checkpoint="hall-a"]');
  await coffee.locator('summary').click();
  await hall.locator('summary').click();
  // Labels in Korean; the cap reads "per day" under once_per_day; no re-entry only at entry/exit doors.
  await expect(coffee.getByTestId(`rules-${coffeeIdx}`)).toContainText('티켓당 하루 입장 횟수');
  await expect(coffee.getByTestId(`c-checkpoints.${coffeeIdx}.noReentry`)).toHaveCount(0);
  await expect(hall.getByTestId(`rules-${hallIdx}`)).toContainText('퇴장 후 재입장 불가');

  // A cap of 0: the browser's own check (min 1) stops the form, and nothing is sent.
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/v1/admin/events') && posts.push(r.url()));
  const cap = coffee.getByTestId(`f-checkpoints.${coffeeIdx}.maxAdmissions`);
  await cap.fill('0');
  await page.getByTestId('save-event').click();
  expect(await cap.evaluate((e) => (e as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
  await page.waitForTimeout(500);
  expect(posts).toEqual([]);
  expect(await bundle(EVENT_ID)).toEqual(before);

  await coffee.getByTestId(`f-checkpoints.${coffeeIdx}.maxAdmissions`).fill('2');
  await hall.getByTestId(`f-checkpoints.${hallIdx}.dayStart`).fill('04:00');
  await hall.getByTestId(`c-checkpoints.${hallIdx}.noReentry`).check();
  await page.screenshot({ path: 'test-results/console-checkpoint-rules.png', fullPage: true });
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-message')).toContainText('저장했습니다');

  const after = await bundle(EVENT_ID);
  expect(after.checkpoints[coffeeIdx]).toEqual({ ...before.checkpoints[coffeeIdx], maxAdmissions: 2 });
  expect(after.checkpoints[hallIdx]).toEqual({ ...before.checkpoints[hallIdx], dayStart: '04:00', noReentry: true });
  // The other checkpoints are untouched: no rule fields appear where none were set.
  expect(after.checkpoints.filter((_, j) => j !== coffeeIdx && j !== hallIdx)).toEqual(before.checkpoints.filter((_, j) => j !== coffeeIdx && j !== hallIdx));

  await page.reload();
  await page.getByTestId('nav-events').click();
  await page.getByTestId('event-select').selectOption(EVENT_ID);
  await hall.locator('summary').click();
  await coffee.locator('summary').click();
  await expect(hall.getByTestId(`f-checkpoints.${hallIdx}.dayStart`)).toHaveValue('04:00');
  await expect(hall.getByTestId(`c-checkpoints.${hallIdx}.noReentry`)).toBeChecked();
  await expect(coffee.getByTestId(`f-checkpoints.${coffeeIdx}.maxAdmissions`)).toHaveValue('2');

  // Clearing them brings the old behaviour back: the fields are gone, not zero.
  await hall.getByTestId(`f-checkpoints.${hallIdx}.dayStart`).fill('');
  await hall.getByTestId(`c-checkpoints.${hallIdx}.noReentry`).uncheck();
  await coffee.getByTestId(`f-checkpoints.${coffeeIdx}.maxAdmissions`).fill('');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-message')).toContainText('저장했습니다');
  expect(await bundle(EVENT_ID)).toEqual(before);
});
