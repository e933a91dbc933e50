// Rate limiting: 429 with Retry-After and the contract's error body; pairing
// is limited per IP far harder than sync traffic.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

describe.each(backends())('rate limits ($kind)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(backend, { rateLimit: { max: 30, pairMax: 3, windowMs: 60_000 } });
    await seedEvent(s);
  });
  afterAll(() => s.close());

  it('answers 429 with Retry-After once a device exceeds its budget', async () => {
    const { token } = await pairDevice(s, 'Chatty desk');
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 35; i++) {
      const res = await s.call('/v1/sync/tickets', { token });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 30).every((st) => st === 200)).toBe(true);
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited!.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });

    // Budgets are per token: another desk is unaffected.
    const other = await pairDevice(s, 'Quiet desk');
    expect((await s.call('/v1/sync/tickets', { token: other.token })).status).toBe(200);
  });

  it('limits pairing attempts per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await s.call('/v1/devices/pair', { method: 'POST', json: { code: `GUESS${i}AAAA`, name: 'x' } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    // Two pairings above already used part of this IP's budget.
    expect(statuses).toContain(429);
    await expectJson(await s.call('/healthz'), 200);
  });
});
