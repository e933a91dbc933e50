// Pairing: strict link parsing, the page-URL forms, redeeming a code against the
// real server, the first sync with progress, and errors staff can act on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSession } from '../../../renderer/storage/device';
import { loadConfig, ticketCount } from '../../../renderer/storage/roster';
import { loadPairing } from '../../../renderer/storage/sync-meta';
import { getMeta } from '../../../renderer/storage/db';
import { ensureDemoData } from '../../../renderer/storage/seed';
import { pairAndSync, pairDevice, pairingFromSearch, parsePairingLink, type PairError } from '../../../renderer/sync/pairing';
import type { PullProgress } from '../../../renderer/sync/pull';
import { expectExactlyOnce, kioskDb, startUpstream, type Upstream } from './harness';

const deviceCount = async (up: Upstream) => ((await (await up.admin('/v1/admin/devices')).json()) as { devices: unknown[] }).devices.length;

describe('parsePairingLink', () => {
  it('accepts the contract form, with and without a checkpoint', () => {
    expect(parsePairingLink('turnout://pair?server=https%3A%2F%2Fcheckin.example.org%2F&code=ABCD-EFGH-JK')).toEqual({
      ok: true,
      link: { server: 'https://checkin.example.org', servers: ['https://checkin.example.org'], code: 'ABCD-EFGH-JK', version: 0 },
    });
    expect(parsePairingLink(' turnout://pair?server=http://10.0.0.5:8787&code=ABCDEFGHJK&checkpoint=hall\r\n')).toEqual({
      ok: true,
      link: { server: 'http://10.0.0.5:8787', servers: ['http://10.0.0.5:8787'], code: 'ABCDEFGHJK', checkpointId: 'hall', version: 0 },
    });
  });

  it.each([
    ['not a link', 'ICW25-AAAA'],
    ['other scheme', 'https://pair?server=http://x&code=ABCDEF'],
    ['javascript server', 'turnout://pair?server=javascript:alert(1)&code=ABCDEF'],
    ['file server', 'turnout://pair?server=file:///etc/passwd&code=ABCDEF'],
    ['credentials', 'turnout://pair?server=http://u:p@host&code=ABCDEF'],
    ['query in server', 'turnout://pair?server=http%3A%2F%2Fhost%2F%3Fx%3D1&code=ABCDEF'],
    ['short code', 'turnout://pair?server=http://host&code=AB'],
    ['code charset', 'turnout://pair?server=http://host&code=ABC<script>'],
    ['two codes', 'turnout://pair?server=http://host&code=ABCDEF&code=GHIJKL'],
    ['extra parameter', 'turnout://pair?server=http://host&code=ABCDEF&token=x'],
    ['bad checkpoint', 'turnout://pair?server=http://host&code=ABCDEF&checkpoint=a%20b'],
  ])('refuses %s', (_what, text) => {
    expect(parsePairingLink(text).ok).toBe(false);
  });

  it('reads ?pair=<link> and ?server=…&pair=CODE from the page URL', () => {
    const link = 'turnout://pair?server=http%3A%2F%2F127.0.0.1%3A8787&code=ABCDEFGHJK';
    expect(pairingFromSearch(`?pair=${encodeURIComponent(link)}`)).toBe(link);
    const built = pairingFromSearch('?server=http%3A%2F%2F127.0.0.1%3A8787&pair=ABCDEFGHJK&checkpoint=hall');
    expect(parsePairingLink(built!)).toMatchObject({ ok: true, link: { server: 'http://127.0.0.1:8787', code: 'ABCDEFGHJK', checkpointId: 'hall' } });
    expect(pairingFromSearch('?roster=20')).toBeUndefined();
  });
});

describe('pairing against the server', () => {
  let up: Upstream;
  beforeEach(async () => {
    up = await startUpstream(2500);
  });
  afterEach(async () => {
    await up.close();
  });

  it('pairs, stores the pairing in IndexedDB meta, replaces demo data and syncs the roster with progress', async () => {
    const db = kioskDb();
    await ensureDemoData(db, 100);
    const progress: PullProgress[] = [];
    const link = await up.pairingLink(up.url, 'hall');
    const pairing = await pairAndSync(db, link, { name: 'desk 1', onProgress: (p) => progress.push(p), engine: { pageLimit: 1000 } });
    expect(await loadPairing(db)).toEqual(pairing);
    expect(pairing).toMatchObject({ server: up.url, eventId: 'sync-test', checkpointId: 'hall', name: 'desk 1' });
    expect(pairing.token).toMatch(/^tod_/);
    expect((await loadConfig(db))?.event.id).toBe('sync-test');
    expect(await ticketCount(db)).toBe(2500); // the demo roster is gone
    expect(await loadSession(db)).toEqual({ checkpointId: 'hall', direction: 'entry' });
    const tickets = progress.filter((p) => p.phase === 'tickets');
    expect(tickets.map((p) => [p.pages, p.done])).toEqual([[1, 1000], [2, 2000], [3, 2500]]);
    expect(await getMeta(db, 'sync.config.etag')).toMatch(/^"/);
    // Nothing about the pairing lives in localStorage.
    expect(typeof localStorage === 'undefined' || localStorage.length === 0).toBe(true);
    await expectExactlyOnce(up, []);
  });

  it('explains a used, an unknown and an expired code, and an unreachable server', async () => {
    const link = await up.pairingLink();
    await pairDevice(kioskDb(), link, { name: 'first' });
    const fail = (text: string) => pairDevice(kioskDb(), text, { name: 'second' }).then(() => undefined, (e: unknown) => e as PairError);
    expect((await fail(link))?.kind).toBe('code_used');
    expect((await fail(link.replace(/code=[^&]+/, 'code=ZZZZZZZZZZ')))?.kind).toBe('code_unknown');
    expect((await fail(link.replace(/server=[^&]+/, 'server=http%3A%2F%2F127.0.0.1%3A9')))?.kind).toBe('unreachable');
    expect((await fail('turnout://pair?server=ftp://x&code=ABCDEF'))?.kind).toBe('invalid_link');

    const shortLived = await startUpstream(0, { pairingTtlMs: 1 });
    try {
      const expiring = await shortLived.pairingLink();
      await new Promise((r) => setTimeout(r, 10));
      expect((await fail(expiring))?.kind).toBe('code_expired');
    } finally {
      await shortLived.close();
    }
    await expectExactlyOnce(up, []);
  });

  it('v1 link with several servers and a pin: hands the pin to the shell before any request, then pairs with the first server that answers', async () => {
    const fp = 'k3QpLrS1-dSk2Xx9a8b7c6d5e4f3g2h1i0j9k8l7m6n';
    const code = new URL(await up.pairingLink()).searchParams.get('code')!;
    // The venue names, mapped onto the loopback test server (a kiosk's DNS would do this).
    const dead = 'https://old-address.lan:8787';
    const venue = 'https://venue.test:8787';
    const events: string[] = [];
    const mapped: typeof fetch = (input, init) => {
      const url = String(input);
      events.push(`fetch ${url}`);
      if (url.startsWith(dead)) return Promise.reject(new TypeError('Failed to fetch'));
      return fetch(url.replace(venue, up.url), init);
    };
    const tlsPin = {
      save: async (servers: string[], pin: string) => (events.push(`pin ${servers.join(' ')} ${pin}`), { ok: true as const, value: { hosts: [], changed: true } }),
      clear: async () => ({ ok: true as const, value: null }),
    };
    const link = `turnout://pair?v=1&server=${encodeURIComponent(dead)}&server=${encodeURIComponent(venue)}&fp=${fp}&code=${code}&checkpoint=hall`;
    const pairing = await pairDevice(kioskDb(), link, { name: 'desk', fetch: mapped, tlsPin });
    expect(pairing).toMatchObject({ server: venue, checkpointId: 'hall' });
    expect(events[0]).toBe(`pin ${dead} ${venue} ${fp}`);
    expect(events.slice(1)).toEqual([`fetch ${dead}/healthz`, `fetch ${venue}/healthz`, `fetch ${venue}/v1/devices/pair`]);
    expect(await deviceCount(up)).toBe(1);
  });

  it('v1 link whose servers all fail: unreachable, and the code is not spent', async () => {
    const code = new URL(await up.pairingLink()).searchParams.get('code')!;
    const link = `turnout://pair?v=1&server=http%3A%2F%2F127.0.0.1%3A9&server=http%3A%2F%2F127.0.0.1%3A7&code=${code}`;
    const err = await pairDevice(kioskDb(), link, { name: 'desk', probeTimeoutMs: 2000 }).catch((e: unknown) => e as PairError);
    expect(err).toMatchObject({ kind: 'unreachable' });
    // Still good for a link that reaches the server.
    await pairDevice(kioskDb(), `turnout://pair?server=${encodeURIComponent(up.url)}&code=${code}`, { name: 'desk' });
    expect(await deviceCount(up)).toBe(1);
  });

  it('the shell refusing the pin stops the pairing before any request', async () => {
    const code = new URL(await up.pairingLink()).searchParams.get('code')!;
    let fetched = 0;
    const counting: typeof fetch = (input, init) => (fetched++, fetch(input, init));
    const tlsPin = {
      save: async () => ({ ok: false as const, error: { code: 'io_error' as const, message: 'disk' } }),
      clear: async () => ({ ok: true as const, value: null }),
    };
    const link = `turnout://pair?v=1&server=${encodeURIComponent('https://venue.test:8787')}&fp=${'A'.repeat(43)}&code=${code}`;
    expect(await pairDevice(kioskDb(), link, { name: 'desk', fetch: counting, tlsPin }).catch((e: unknown) => e)).toMatchObject({ kind: 'tls_pin_failed' });
    expect(fetched).toBe(0);
  });
});