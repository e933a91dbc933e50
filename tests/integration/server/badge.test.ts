// The badge mark on check-ins (`printed` | `reprint`, a protocol v1 addition) on
// both databases: stored and pulled back as sent, absent when not sent (older
// kiosks), refused when it is not one of the two words (400, nothing written),
// set by online decide only for the first admission of a ticket at a desk that
// prints, and exported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinsPage, DecideResponse, UploadResponse } from '../../../core/protocol';
import { backends, checkin, countRows, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

describe.each(backends())('badge marks ($kind)', (backend) => {
  let s: TestServer;
  let desk: { deviceId: string; token: string };
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    desk = await pairDevice(s, 'Badge desk');
  });
  afterAll(() => s.close());

  const upload = (items: unknown[]) => s.call('/v1/sync/checkins', { method: 'POST', token: desk.token, json: { items } });
  const decide = (json: object) => s.call('/v1/sync/decide', { method: 'POST', token: desk.token, json: { id: checkin().id, ...json } });

  it('stores and pulls the mark as sent, and nothing when none was sent', async () => {
    const printed = checkin({ code: 'T-001', checkpointId: 'hall', badge: 'printed' });
    const reprint = checkin({ code: 'T-001', checkpointId: 'hall', verdict: 'rejected', reason: 'already_checked_in', badge: 'reprint' });
    const plain = checkin({ code: 'T-002', checkpointId: 'hall' });
    const res = await expectJson<UploadResponse>(await upload([printed, reprint, plain]), 200);
    expect(res.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
    const page = await expectJson<CheckinsPage>(await s.call('/v1/sync/checkins?after=0', { token: desk.token }), 200);
    const byId = new Map(page.items.map((c) => [c.id, c]));
    expect(byId.get(printed.id)?.badge).toBe('printed');
    expect(byId.get(reprint.id)?.badge).toBe('reprint');
    expect(byId.get(plain.id)).not.toHaveProperty('badge');

    const csv = await (await s.admin(`/v1/admin/events/${EVENT_ID}/export.csv`)).text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const col = lines[0]!.split(',').indexOf('badge');
    expect(col).toBeGreaterThan(0);
    expect(lines.find((l) => l.startsWith(reprint.id))?.split(',')[col]).toBe('reprint');
  });

  it('refuses a mark that is not printed or reprint, writing nothing of the batch', async () => {
    const before = await countRows(s, 'checkins');
    const res = await upload([checkin({ code: 'T-003' }), { ...checkin({ code: 'T-004' }), badge: 'yes' }]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
    expect(await countRows(s, 'checkins')).toBe(before);
  });

  it('online decide marks the first admission of a ticket at a printing desk, once', async () => {
    const first = await expectJson<DecideResponse>(await decide({ code: 'T-004', checkpointId: 'hall', printsBadge: true }), 200);
    expect(first.checkin).toMatchObject({ verdict: 'accepted', badge: 'printed' });
    const second = await expectJson<DecideResponse>(await decide({ code: 'T-004', checkpointId: 'hall', printsBadge: true }), 200);
    expect(second.verdict).toBe('accepted');
    expect(second.checkin).not.toHaveProperty('badge');
    // Not asked (a desk without printing), refused, or an exit: no mark.
    const notAsked = await expectJson<DecideResponse>(await decide({ code: 'T-003', checkpointId: 'hall' }), 200);
    expect(notAsked.checkin).not.toHaveProperty('badge');
    const refused = await expectJson<DecideResponse>(await decide({ code: 'T-001', checkpointId: 'press', printsBadge: true }), 200);
    expect(refused).toMatchObject({ verdict: 'rejected', reason: 'wrong_checkpoint' });
    expect(refused.checkin).not.toHaveProperty('badge');
    const exit = await expectJson<DecideResponse>(await decide({ code: 'T-003', checkpointId: 'hall', direction: 'exit', printsBadge: true }), 200);
    expect(exit.checkin).not.toHaveProperty('badge');
    // T-001 got its badge through an upload in the first test: the server knows.
    const known = await expectJson<DecideResponse>(await decide({ code: 'T-001', checkpointId: 'hall', printsBadge: true }), 200);
    expect(known.verdict).toBe('accepted');
    expect(known.checkin).not.toHaveProperty('badge');
  });
});
