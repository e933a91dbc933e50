// Camera decoding: the kiosk's decoder (renderer/scan/decode-frame.ts on ZXing
// WebAssembly) beside jsQR (the pure-JS decoder html5-qrcode-era kiosks use) on the same
// synthetic 720p camera frame with sensor noise, in one process.
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { demoCode } from '../core/demo/roster';
import { decodeFrame } from '../renderer/scan/decode-frame';
import { fmtMs, percentile, type Row } from './results';

const W = 1280;
const H = 720;

/** A 1280×720 RGBA frame: grey background, the QR 560 px wide, ±8 levels of noise. */
function frame(text: string, seed: number): Uint8ClampedArray {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const px = Math.floor(560 / (size + 2 * quiet));
  const ox = Math.floor((W - (size + 2 * quiet) * px) / 2);
  const oy = Math.floor((H - (size + 2 * quiet) * px) / 2);
  const data = new Uint8ClampedArray(W * H * 4);
  let s = seed >>> 0;
  const noise = () => ((s = (s * 1664525 + 1013904223) >>> 0) % 17) - 8;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const mx = Math.floor((x - ox) / px) - quiet;
      const my = Math.floor((y - oy) / px) - quiet;
      const inQr = x >= ox && y >= oy && mx >= -quiet && my >= -quiet && mx < size + quiet && my < size + quiet;
      const dark = inQr && mx >= 0 && my >= 0 && mx < size && my < size && qr.modules.get(mx, my);
      const v = (dark ? 30 : inQr ? 235 : 170) + noise();
      const i = (y * W + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return data;
}

class NodeImageData {
  readonly colorSpace = 'srgb';
  constructor(readonly data: Uint8ClampedArray, readonly width: number, readonly height: number) {}
}

export async function benchDecode(frames = 40): Promise<Row[]> {
  const wasm = readFileSync(new URL('../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
  const inputs = Array.from({ length: frames }, (_, i) => ({ code: demoCode(i), data: frame(demoCode(i), i + 1) }));
  const zx: number[] = [];
  const js: number[] = [];
  let zxOk = 0;
  let jsOk = 0;
  for (const { code, data } of inputs) {
    let t = performance.now();
    const r = await decodeFrame(new NodeImageData(data, W, H) as unknown as ImageData, readBarcodes);
    zx.push(performance.now() - t);
    if (r[0] === code) zxOk++;
    t = performance.now();
    const j = jsQR(data, W, H);
    js.push(performance.now() - t);
    if (j?.data === code) jsOk++;
  }
  return [
    {
      name: 'camera frame decode 720p, p95',
      figure: `${fmtMs(percentile(zx, 95))} (${zxOk}/${frames} read)`,
      budget: '≤ 66 ms (keeps up with 15 fps)',
      pass: percentile(zx, 95) <= 66 && zxOk === frames,
      peer: 'jsQR 1.4',
      peerFigure: `${fmtMs(percentile(js, 95))} (${jsOk}/${frames} read)`,
    },
  ];
}
