// A void that reaches the server before the check-in it cancels (a desk's
// check-in push timed out while its void push went through, the pass goes on)
// must take effect when the check-in comes: the voided admission counts in no
// ticket's history, whether it arrives fresh, in the same upload as a later
// admission, or re-sent. Found by the full soak on two replicas (an entry marked
// conflict against a voided earlier entry); the hall-like `gate` is once per
// day at an entry/exit door.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCheckInId } from '../../../core/ids';
import type { UploadResponse } from '../../../core/protocol';
import { backends, checkin, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

describe.each(backends())('void before its check-in ($kind)', (backend) => {
  let s: TestServer;
  let a: { deviceId: string; token: string };
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    a = await pairDevice(s, 'Desk A');
  });
  afterAll(() => s.close());
  const upload = (items: unknown[]) => s.call('/v1/sync/checkins', { method: 'POST', token: a.token, json: { items } });
  const voids = (items: unknown[]) => s.call('/v1/sync/voids', { method: 'POST', token: a.token, json: { items } });
  const voidOf = (checkinId: string) => ({ id: newCheckInId(), checkinId, reason: 'wrong_person', voidedAt: '2025-09-10T13:34:00.000+09:00' });

  it('fresh in the same upload: a voided entry does not make the later entry a conflict', async () => {
    const early = checkin({ code: 'T-001', checkpointId: 'gate', scannedAt: '2025-09-10T13:33:23.120+09:00' });
    const later = checkin({ code: 'T-001', checkpointId: 'gate', scannedAt: '2025-09-10T14:56:10.160+09:00' });
    await expectJson(await voids([voidOf(early.id)]), 200);
    const res = await expectJson<UploadResponse>(await upload([early, later]), 200);
    expect(res.results.map((r) => r.status)).toEqual(['stored', 'stored']);
  });

  it('re-sent duplicate: a voided stored entry does not make the later entry a conflict', async () => {
    const early = checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: '2025-09-10T13:33:23.120+09:00' });
    const later = checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: '2025-09-10T14:56:10.160+09:00' });
    await expectJson(await upload([early]), 200);
    await expectJson(await voids([voidOf(early.id)]), 200);
    const res = await expectJson<UploadResponse>(await upload([early, later]), 200);
    expect(res.results.map((r) => r.status)).toEqual(['duplicate', 'stored']);
  });

  it('re-mark: the voided earlier entry arriving after the later one does not re-mark it', async () => {
    const early = checkin({ code: 'T-004', checkpointId: 'gate', scannedAt: '2025-09-10T13:33:23.120+09:00' });
    const later = checkin({ code: 'T-004', checkpointId: 'gate', scannedAt: '2025-09-10T14:56:10.160+09:00' });
    await expectJson(await voids([voidOf(early.id)]), 200);
    await expectJson(await upload([later]), 200);
    await expectJson(await upload([early]), 200);
    const page = await expectJson<{ items: { id: string; status: string }[] }>(await s.call('/v1/sync/checkins?after=0&limit=1000', { token: a.token }), 200);
    expect(page.items.find((c) => c.id === later.id)?.status).toBe('stored');
  });

  it('control: separate upload after the void is fine', async () => {
    const early = checkin({ code: 'T-003', checkpointId: 'gate', scannedAt: '2025-09-10T13:33:23.120+09:00' });
    const later = checkin({ code: 'T-003', checkpointId: 'gate', scannedAt: '2025-09-10T14:56:10.160+09:00' });
    await expectJson(await upload([early]), 200);
    await expectJson(await voids([voidOf(early.id)]), 200);
    const res = await expectJson<UploadResponse>(await upload([later]), 200);
    expect(res.results.map((r) => r.status)).toEqual(['stored']);
  });
});
