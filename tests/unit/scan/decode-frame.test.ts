// The kiosk's frame decoder (renderer/scan/decode-frame.ts) on ZXing
// WebAssembly in Node, with frames from the hard-frame corpus generator: the
// cheap pass reads ordinary frames alone, the contrast pass rescues glare over a
// finder pattern that ZXing's own "try everything" options cannot read, and an
// empty frame reads nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { decodeFrame, PASSES, type ReadFn } from '../../../renderer/scan/decode-frame';
import { normalizeContrast } from '../../../renderer/scan/contrast';
import { prepareZxing } from '../../../bench/qr-corpus/decoders';
import { corpusFrame } from '../../../bench/qr-corpus/run';
import { gray, noise, rng, toRgba } from '../../../bench/qr-corpus/image';

const image = (data: Uint8ClampedArray, width: number, height: number) => ({ data, width, height, colorSpace: 'srgb' }) as ImageData;

async function frame(cls: Parameters<typeof corpusFrame>[0], i: number) {
  const f = await corpusFrame(cls, i);
  return { text: f.text, img: image(toRgba(f.img), f.width, f.height) };
}

beforeAll(async () => {
  await prepareZxing();
}, 60_000);

describe('decodeFrame', () => {
  it('reads an ordinary frame in the first, cheapest pass', async () => {
    const { text, img } = await frame('clean', 0);
    const calls: ReaderOptions[] = [];
    const read: ReadFn = (i, o) => {
      calls.push(o);
      return readBarcodes(i, o);
    };
    expect(await decodeFrame(img, read)).toEqual([text]);
    expect(calls).toEqual([PASSES[0]!.options]);
  }, 30_000);

  it('reads light-on-dark codes (a phone in dark mode) in the thorough pass', async () => {
    const { text, img } = await frame('inverted', 1);
    expect(await decodeFrame(img, readBarcodes)).toEqual([text]);
  }, 30_000);

  it('rescues glare over a finder pattern that ZXing defaults cannot read', async () => {
    const { text, img } = await frame('glare', 6);
    const defaults = await readBarcodes(img, { formats: ['QRCode'] });
    expect(defaults.some((r) => r.text === text)).toBe(false);
    expect(await decodeFrame(img, readBarcodes)).toEqual([text]);
  }, 30_000);

  it('reads nothing from a frame with no code, after trying every pass', async () => {
    const g = gray(640, 360, 130);
    noise(g, rng(3), 6);
    let passes = 0;
    const read: ReadFn = (i, o) => {
      passes++;
      return readBarcodes(i, o);
    };
    expect(await decodeFrame(image(toRgba(g), 640, 360), read)).toEqual([]);
    expect(passes).toBe(PASSES.length);
  }, 30_000);
});

describe('normalizeContrast', () => {
  it('halves the frame, keeps flat areas grey and stretches a faint edge more than threefold', () => {
    const w = 200, h = 100;
    const g = gray(w, h, 240);
    // A faint step, 12 levels, as a module under glare.
    for (let y = 0; y < h; y++) for (let x = 100; x < w; x++) g.px[y * w + x] = 228;
    const out = normalizeContrast({ data: toRgba(g), width: w, height: h }, 16, 40);
    expect([out.width, out.height]).toEqual([100, 50]);
    expect(out.data[(25 * 100 + 10) * 4]).toBe(128); // far from the edge: flat, grey
    const left = out.data[(25 * 100 + 48) * 4]!;
    const right = out.data[(25 * 100 + 51) * 4]!;
    // 12 levels in, more than 36 out, around mid-grey: above a binarizer's minimum contrast.
    expect(left - right).toBeGreaterThan(36);
    expect(Math.abs((left + right) / 2 - 128)).toBeLessThan(8);
  });
});
