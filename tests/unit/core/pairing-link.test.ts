// The pairing link contract (core/pairing-link.ts): v1 with several servers and the
// key pin, legacy links as before, and strict refusals — a link is scanned from a
// QR anyone can print, so nothing unexpected passes.
import { describe, expect, it } from 'vitest';
import { formatPairingLink, parsePairingLink } from '../../../core/pairing-link';

const FP = 'wKzGE_2hgNVF3US1eC9B4OV10zRId3JY0PaZSRAVT64';

describe('pairing link v1', () => {
  it('round-trips servers in order, the pin, the code and the checkpoint', () => {
    const link = formatPairingLink({ servers: ['https://venue.lan:8787', 'https://192.168.0.10:8787'], code: 'ABCD-EFGH-JK', checkpointId: 'hall', fp: FP });
    expect(link).toBe(`turnout://pair?v=1&server=https%3A%2F%2Fvenue.lan%3A8787&server=https%3A%2F%2F192.168.0.10%3A8787&fp=${FP}&code=ABCD-EFGH-JK&checkpoint=hall`);
    expect(parsePairingLink(link)).toEqual({
      ok: true,
      link: { servers: ['https://venue.lan:8787', 'https://192.168.0.10:8787'], server: 'https://venue.lan:8787', code: 'ABCD-EFGH-JK', checkpointId: 'hall', fp: FP, version: 1 },
    });
  });

  it('writes a link with one server and no pin in the legacy form, which kiosks from before v1 read', () => {
    const link = formatPairingLink({ servers: 'http://127.0.0.1:8787', code: 'ABCDEFGHJK', checkpointId: 'info-desk' });
    expect(link).toBe('turnout://pair?server=http%3A%2F%2F127.0.0.1%3A8787&code=ABCDEFGHJK&checkpoint=info-desk');
    expect(parsePairingLink(link)).toMatchObject({ ok: true, link: { version: 0, servers: ['http://127.0.0.1:8787'] } });
  });

  it('reads a v1 link whatever the order of its parameters, and drops a repeated server', () => {
    const parsed = parsePairingLink(`turnout://pair?code=ABCDEF&fp=${FP}&server=https://a.lan&v=1&server=https://a.lan/`);
    expect(parsed).toMatchObject({ ok: true, link: { servers: ['https://a.lan'], fp: FP } });
  });

  it('keeps at most four servers', () => {
    const servers = ['https://a.lan', 'https://b.lan', 'https://c.lan', 'https://d.lan', 'https://e.lan'];
    expect(parsePairingLink(formatPairingLink({ servers, code: 'ABCDEF' }))).toMatchObject({ ok: true, link: { servers: servers.slice(0, 4) } });
    const five = `turnout://pair?v=1&${servers.map((s) => `server=${encodeURIComponent(s)}`).join('&')}&code=ABCDEF`;
    expect(parsePairingLink(five)).toEqual({ ok: false, code: 'too_many_servers', error: 'at most 4 servers' });
  });

  it.each([
    ['a newer version', `turnout://pair?v=2&server=https://a.lan&code=ABCDEF`, /newer Turnout/],
    ['a garbled version', `turnout://pair?v=one&server=https://a.lan&code=ABCDEF`, /version/],
    ['two versions', `turnout://pair?v=1&v=1&server=https://a.lan&code=ABCDEF`, /at most once/],
    ['a short pin', `turnout://pair?v=1&server=https://a.lan&fp=abc&code=ABCDEF`, /fp must be/],
    ['a padded pin', `turnout://pair?v=1&server=https://a.lan&fp=${FP.slice(0, 42)}=&code=ABCDEF`, /fp must be/],
    ['a standard-base64 pin', `turnout://pair?v=1&server=https://a.lan&fp=${FP.replace('_', '/')}&code=ABCDEF`, /fp must be/],
    ['two pins', `turnout://pair?v=1&server=https://a.lan&fp=${FP}&fp=${FP}&code=ABCDEF`, /at most once/],
    ['a pin with plain http', `turnout://pair?v=1&server=http://192.168.0.10:8787&fp=${FP}&code=ABCDEF`, /https/],
    ['a pin with one plain http server among https', `turnout://pair?v=1&server=https://a.lan&server=http://b.lan&fp=${FP}&code=ABCDEF`, /https/],
    ['no server', `turnout://pair?v=1&fp=${FP}&code=ABCDEF`, /required/],
    ['a bad second server', `turnout://pair?v=1&server=https://a.lan&server=javascript:alert(1)&code=ABCDEF`, /http\(s\) URL/],
    ['an unknown parameter', `turnout://pair?v=1&server=https://a.lan&code=ABCDEF&token=x`, /unexpected parameter/],
  ])('refuses %s', (_what, text, error) => {
    const parsed = parsePairingLink(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});
