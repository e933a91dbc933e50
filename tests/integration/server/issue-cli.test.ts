// `npm run server -- issue` end to end on a real SQLite database: from a Korean
// roster (CP949, as Korean Excel saves CSV) and by count. Every issued PNG is
// decoded back with the kiosk's own decoder (renderer/scan/decode-frame.ts on
// ZXing WebAssembly) to its code; each code verifies with the key the kiosks
// get; tickets.csv maps codes to people with a BOM for Excel; sheet.pdf is A4,
// renders Hangul, and QR codes read back from its rendered pages. Re-issuing
// the roster keeps serials and codes; a wrong encryption key is a clear error.

import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { prepareZxing } from '../../../bench/qr-corpus/decoders';
import { verifySignedCode } from '../../../core/signed-code';
import { prepareSignedCode } from '../../../core/signed-ticket';
import { decodeFrame } from '../../../renderer/scan/decode-frame';
import { openDatabase } from '../../../server/db/connect';
import { getEventBundle, upsertEventBundle } from '../../../server/repo/events';
import { getTicket } from '../../../server/repo/tickets';
import { EVENT_ID, testEvent } from './harness';

const run = promisify(execFile);
// pngjs comes with qrcode (it writes the PNGs); untyped, so typed here for the one call used.
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(b: Buffer): { data: Buffer; width: number; height: number } } } };
const ROOT = join(__dirname, '../../..');
const KEK = Buffer.alloc(32, 7).toString('base64');

/** Every QR text the kiosk's decoder reads in a PNG. */
async function decodePng(bytes: Buffer): Promise<string[]> {
  const png = PNG.sync.read(bytes);
  const image = { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height, colorSpace: 'srgb' } as ImageData;
  return decodeFrame(image, readBarcodes);
}

describe('issue CLI (sqlite)', () => {
  let dir: string;
  const env = () => ({ ...process.env, TURNOUT_DATA_DIR: join(dir, 'data'), TURNOUT_KEY_ENCRYPTION_KEY: KEK, DATABASE_URL: '' });
  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'server/cli.ts'), ...args], { cwd: ROOT, env: { ...env(), ...extraEnv }, timeout: 120_000 });
  const db = () => openDatabase({ sqlitePath: join(dir, 'data', 'turnout.sqlite') });

  beforeAll(async () => {
    await prepareZxing();
    dir = mkdtempSync(join(tmpdir(), 'turnout-issue-'));
    const d = await db();
    await upsertEventBundle(d.db, testEvent());
    await d.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const roster = ['코드,성명,회사명,구분,프로그램', 'R-1,김철현,(주)한빛정밀,visitor,p1', 'R-2,이영희,대성테크,press,', 'R-3,박민수,세진기계,vip,p1'].join('\r\n');

  it('issues a CP949 Korean roster: PNG and SVG per ticket that decode to verifying codes, CSV with BOM, A4 sheet', async () => {
    const file = join(dir, 'roster.csv');
    writeFileSync(file, iconv.encode(roster, 'cp949'));
    const out = join(dir, 'out1');
    const { stdout } = await cli(['issue', EVENT_ID, '--roster', file, '--out', out]);
    expect(stdout).toMatch(/issued 3 tickets of ev1 \(key k1\)/);

    const d = await db();
    const bundle = (await getEventBundle(d.db, EVENT_ID))!;
    const csv = readFileSync(join(out, 'tickets.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['serial', 'code', 'name', 'company', 'category', 'programmes', 'valid_from', 'valid_until', 'note', 'ref', 'qr_png', 'qr_svg']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[9]])).toEqual([
      ['1', '김철현', '(주)한빛정밀', 'visitor', 'R-1'],
      ['2', '이영희', '대성테크', 'press', 'R-2'],
      ['3', '박민수', '세진기계', 'vip', 'R-3'],
    ]);
    for (const r of rows.slice(1)) {
      const code = r[1]!;
      // The PNG reads back, with the kiosk's decoder, to exactly the code in the CSV…
      expect(await decodePng(readFileSync(join(out, r[10]!)))).toEqual([code]);
      const svg = readFileSync(join(out, r[11]!), 'utf8');
      expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
      // …which verifies with the key kiosks get, and carries the person.
      const check = prepareSignedCode(code, EVENT_ID, bundle.signingKeys, ['p1']);
      expect(check.ok && verifySignedCode(check.parsed, check.publicKey)).toBe(true);
      expect(check.ok && check.ticket.name).toBe(r[2]);
      // And it is a ticket row, so kiosks pull it (and its revocation) by the tickets cursor.
      expect(await getTicket(d.db, EVENT_ID, code)).toMatchObject({ code, name: r[2], company: r[3], status: 'valid' });
    }
    expect(readdirSync(join(out, 'qr')).sort()).toEqual(['000001.png', '000001.svg', '000002.png', '000002.svg', '000003.png', '000003.svg']);
    await d.close();

    const pdf = join(out, 'sheet.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const name of ['김철현', '이영희', '박민수', '(주)한빛정밀']) expect(text).toContain(name);
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/NotoSansCJKkr-Bold\s.*yes yes yes/);
    // Rendered at 150 dpi (an office printer's draft), every card's QR reads back.
    execFileSync('pdftoppm', ['-r', '150', '-png', pdf, join(out, 'page')]);
    const page = await decodePng(readFileSync(join(out, 'page-1.png')));
    const multi = await readBarcodes(new Uint8Array(readFileSync(join(out, 'page-1.png'))), { formats: ['QRCode'], maxNumberOfSymbols: 8 });
    const codes = rows.slice(1).map((r) => r[1]!);
    expect(new Set([...page, ...multi.map((r) => r.text)])).toEqual(new Set(codes));
  }, 120_000);

  it('re-issuing the same roster keeps serials and codes; --count adds nameless tickets after them', async () => {
    const out = join(dir, 'out2');
    await cli(['issue', EVENT_ID, '--roster', join(dir, 'roster.csv'), '--out', out]);
    const first = readFileSync(join(dir, 'out1', 'tickets.csv'), 'utf8');
    expect(readFileSync(join(out, 'tickets.csv'), 'utf8')).toBe(first);

    const out3 = join(dir, 'out3');
    const { stdout } = await cli(['issue', EVENT_ID, '--count', '2', '--category', 'staff', '--out', out3]);
    expect(stdout).toMatch(/issued 2 tickets/);
    const rows = readFileSync(join(out3, 'tickets.csv'), 'utf8').slice(1).trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual([['4', '', 'staff'], ['5', '', 'staff']]);
    for (const r of rows) expect(await decodePng(readFileSync(join(out3, r[10]!)))).toEqual([r[1]]);
  }, 120_000);

  it('refuses with a clear message under the wrong encryption key, and issues nothing', async () => {
    const wrong = Buffer.alloc(32, 9).toString('base64');
    const err = await cli(['issue', EVENT_ID, '--count', '1', '--out', join(dir, 'out4')], { TURNOUT_KEY_ENCRYPTION_KEY: wrong }).catch((e: { stderr: string; code: number }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toContain('TURNOUT_KEY_ENCRYPTION_KEY does not open the signing key k1 of event ev1');
    const d = await db();
    const n = await d.db.selectFrom('issued_codes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(5);
    await d.close();
  }, 60_000);
});
