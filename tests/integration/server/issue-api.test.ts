// Issuing over the admin API on SQLite and PostgreSQL: people or a count in,
// signed codes out that a paired kiosk's config verifies; one ticket's QR as
// PNG (decoded back with the kiosk's decoder) and SVG; the CSV with BOM; the A4
// sheet; bad requests refused with nothing issued; the wrong encryption key a 503
// that names the setting.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { prepareZxing } from '../../../bench/qr-corpus/decoders';
import { ConfigResponse } from '../../../core/protocol';
import { verifySignedCode } from '../../../core/signed-code';
import { prepareSignedCode } from '../../../core/signed-ticket';
import { decodeFrame } from '../../../renderer/scan/decode-frame';
import { backends, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(b: Buffer): { data: Buffer; width: number; height: number } } } };
async function decodePng(bytes: Buffer): Promise<string[]> {
  const png = PNG.sync.read(bytes);
  return decodeFrame({ data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height, colorSpace: 'srgb' } as ImageData, readBarcodes);
}

interface Issued { serial: number; code: string; name: string; keyId: string; qrPng: string; qrSvg: string }

describe.each(backends())('issuing over the admin API ($kind)', (backend) => {
  const kek = randomBytes(32);
  let s: TestServer;
  let token: string;
  let dir: string;

  beforeAll(async () => {
    await prepareZxing();
    dir = mkdtempSync(join(tmpdir(), 'turnout-issue-api-'));
    s = await startServer(backend, { keyEncryptionKey: kek });
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Desk 1'));
  }, 60_000);
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues people; each code verifies with the config’s key and its QR image decodes back to it', async () => {
    const people = [
      { ref: 'REG-1', name: '김철현', company: '(주)한빛정밀', category: 'vip', programmes: ['p1'] },
      { ref: 'REG-2', name: 'Jane Doe', company: 'Northwind', category: 'buyer' },
    ];
    const res = await expectJson<{ issued: Issued[]; errors: unknown[] }>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/issue`, { method: 'POST', json: { people } }), 200);
    expect(res.errors).toEqual([]);
    expect(res.issued.map((t) => [t.serial, t.name, t.keyId])).toEqual([[1, '김철현', 'k1'], [2, 'Jane Doe', 'k1']]);
    const keys = ConfigResponse.parse(await expectJson(await s.call('/v1/sync/config', { token }), 200)).signingKeys;
    for (const t of res.issued) {
      const check = prepareSignedCode(t.code, EVENT_ID, keys, ['p1']);
      expect(check.ok && verifySignedCode(check.parsed, check.publicKey)).toBe(true);
      const png = await s.admin(t.qrPng);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(await decodePng(Buffer.from(await png.arrayBuffer()))).toEqual([t.code]);
      const svg = await s.admin(t.qrSvg);
      expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(await svg.text()).toMatch(/^<svg /);
    }
    expect((await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/NOPE/qr.png`)).status).toBe(404);
    expect((await s.call(res.issued[0]!.qrPng, { token })).status).toBe(401);
  }, 60_000);

  it('issues a count, serves the CSV (BOM) and an A4 sheet without revoked tickets', async () => {
    const res = await expectJson<{ issued: Issued[] }>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/issue`, { method: 'POST', json: { count: 3, category: 'staff' } }), 200);
    expect(res.issued.map((t) => t.serial)).toEqual([3, 4, 5]);
    await expectJson(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/${encodeURIComponent(res.issued[0]!.code)}`, { method: 'PATCH', json: { status: 'revoked' } }), 200);

    const raw = Buffer.from(await (await s.admin(`/v1/admin/events/${EVENT_ID}/issued/tickets.csv`)).arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for Hangul
    const csv = raw.subarray(3).toString('utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(6);
    expect(csv).toContain('김철현');

    const pdf = Buffer.from(await (await s.admin(`/v1/admin/events/${EVENT_ID}/issued/sheet.pdf`)).arrayBuffer());
    const file = join(dir, `sheet-${backend.kind}.pdf`);
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    execFileSync('pdftoppm', ['-r', '150', '-png', file, join(dir, `p-${backend.kind}`)]);
    const page = await readBarcodes(new Uint8Array(execFileSync('cat', [join(dir, `p-${backend.kind}-1.png`)])), { formats: ['QRCode'], maxNumberOfSymbols: 8 });
    const onSheet = new Set(page.map((r) => r.text));
    expect(onSheet.has(res.issued[0]!.code)).toBe(false); // revoked: not printed
    expect(onSheet.has(res.issued[1]!.code)).toBe(true);

    // One batch by its serials: the CSV holds #4 and #5 only, the sheet #4 only (#5 is out of range).
    const part = (await (await s.admin(`/v1/admin/events/${EVENT_ID}/issued/tickets.csv?from=4&to=5`)).text()).replace(/^\uFEFF/, '');
    const partRows = part.trim().split('\r\n').slice(1);
    expect(partRows).toHaveLength(2);
    expect(partRows.every((r) => r.includes(res.issued[1]!.code) || r.includes(res.issued[2]!.code))).toBe(true);
    const one = Buffer.from(await (await s.admin(`/v1/admin/events/${EVENT_ID}/issued/sheet.pdf?from=4&to=4`)).arrayBuffer());
    writeFileSync(file, one);
    execFileSync('pdftoppm', ['-r', '150', '-png', file, join(dir, `q-${backend.kind}`)]);
    const onOne = (await readBarcodes(new Uint8Array(execFileSync('cat', [join(dir, `q-${backend.kind}-1.png`)])), { formats: ['QRCode'], maxNumberOfSymbols: 8 })).map((r) => r.text);
    expect(onOne).toEqual([res.issued[1]!.code]);
    for (const q of ['from=5&to=4', 'from=0', 'from=x', 'to=2&extra=1']) {
      const bad = await s.admin(`/v1/admin/events/${EVENT_ID}/issued/tickets.csv?${q}`);
      expect(bad.status, q).toBe(400);
      expect((await s.admin(`/v1/admin/events/${EVENT_ID}/issued/sheet.pdf?${q}`)).status, q).toBe(400);
    }
  }, 60_000);

  it('streams a large sheet and keeps answering kiosks while it draws it', async () => {
    // 800 tickets are 100 pages, over a second of drawing. Drawn in one go (as before),
    // the kiosk's config call waited for the whole sheet and the first byte came last.
    const batch = await expectJson<{ issued: Issued[] }>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/issue`, { method: 'POST', json: { count: 800, category: 'visitor' } }), 200);
    const serials = batch.issued.map((t) => t.serial);
    const sheet = await s.admin(`/v1/admin/events/${EVENT_ID}/issued/sheet.pdf?from=${serials[0]}&to=${serials.at(-1)}`);
    expect(sheet.headers.get('content-type')).toBe('application/pdf');
    const reader = sheet.body!.getReader();
    const chunks: Uint8Array[] = [];
    let sheetDone = 0;
    const read = (async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
      sheetDone = performance.now();
    })();
    const kiosk = s.call('/v1/sync/config', { token }).then((r) => ({ status: r.status, at: performance.now() }));
    const [answered] = await Promise.all([kiosk, read]);
    expect(answered.status).toBe(200);
    // Answered while the sheet was still being drawn, well before its last byte.
    expect(sheetDone - answered.at).toBeGreaterThan(300);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    const file = join(dir, `big-${backend.kind}.pdf`);
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+100\n/);
  }, 120_000);

  it('refuses bad requests and issues nothing; the wrong encryption key is a 503 naming the setting', async () => {
    for (const json of [{}, { count: 0 }, { count: 10_001 }, { people: [] }, { count: 1, category: 'alien' }, { people: [{ name: 'x', category: 'vip', validFrom: 'tomorrow' }] }]) {
      expect((await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/issue`, { method: 'POST', json })).status).toBe(400);
    }
    expect((await s.admin('/v1/admin/events/nope/tickets/issue', { method: 'POST', json: { count: 1 } })).status).toBe(404);
    const wrong = await startServer(backend, { keyEncryptionKey: randomBytes(32) });
    try {
      await seedEvent(wrong);
      // Made under one key, opened under another: as after restoring a backup without its key.
      await wrong.db.db.insertInto('signing_keys').values(await s.db.db.selectFrom('signing_keys').selectAll().where('status', '=', 'active').executeTakeFirstOrThrow()).execute();
      const res = await wrong.admin(`/v1/admin/events/${EVENT_ID}/tickets/issue`, { method: 'POST', json: { count: 1 } });
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({ code: 'signing_key_locked', message: expect.stringContaining('TURNOUT_KEY_ENCRYPTION_KEY does not open') });
      expect(await wrong.db.db.selectFrom('issued_codes').selectAll().execute()).toEqual([]);
    } finally {
      await wrong.close();
    }
  }, 60_000);
});
