// The decoders the corpus compares, each given the same RGBA frame: Turnout's
// own (renderer/scan/decode-frame.ts on ZXing WebAssembly), ZXing WebAssembly
// with the barcode-detector ponyfill's options (Turnout before tuning), jsQR,
// and @zxing/library (the engine html5-qrcode runs), the last with its best
// settings: hybrid binarizer, TRY_HARDER, and an inverted retry.
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import zxingLib from '@zxing/library';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { decodeFrame } from '../../renderer/scan/decode-frame';

export interface Decoder {
  name: string;
  decode(rgba: Uint8ClampedArray, width: number, height: number): Promise<string | null>;
}

class NodeImageData {
  readonly colorSpace = 'srgb';
  constructor(readonly data: Uint8ClampedArray, readonly width: number, readonly height: number) {}
}

let ready: Promise<unknown> | undefined;
export function prepareZxing(): Promise<unknown> {
  const wasm = readFileSync(new URL('../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url));
  ready ??= prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer },
    fireImmediately: true,
  });
  return ready;
}

export const turnout: Decoder = {
  name: 'Turnout (decode-frame.ts)',
  async decode(rgba, width, height) {
    const found = await decodeFrame(new NodeImageData(rgba, width, height) as unknown as ImageData, readBarcodes);
    return found[0] ?? null;
  },
};

export const ponyfillDefaults: Decoder = {
  name: 'ZXing wasm, barcode-detector defaults',
  async decode(rgba, width, height) {
    const r = await readBarcodes(new NodeImageData(rgba, width, height) as unknown as ImageData, { formats: ['QRCode'] });
    return r.find((b) => b.isValid)?.text ?? null;
  },
};

export const jsqr: Decoder = {
  name: 'jsQR 1.4',
  async decode(rgba, width, height) {
    return jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
  },
};

// A CommonJS package: its named exports are not visible to Node's ESM loader.
const { BinaryBitmap, DecodeHintType, HybridBinarizer, InvertedLuminanceSource, QRCodeReader, RGBLuminanceSource } = zxingLib;
const zxingHints = new Map<zxingLib.DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
const zxingReader = new QRCodeReader();

export const zxingLibrary: Decoder = {
  name: '@zxing/library 0.23 (html5-qrcode engine)',
  async decode(rgba, width, height) {
    const luma = new Uint8ClampedArray(width * height);
    for (let i = 0; i < luma.length; i++) luma[i] = (rgba[i * 4]! * 299 + rgba[i * 4 + 1]! * 587 + rgba[i * 4 + 2]! * 114) / 1000;
    const source = new RGBLuminanceSource(luma, width, height);
    for (const s of [source, new InvertedLuminanceSource(source)]) {
      try {
        return zxingReader.decode(new BinaryBitmap(new HybridBinarizer(s)), zxingHints).getText();
      } catch {
        zxingReader.reset();
      }
    }
    return null;
  },
};
