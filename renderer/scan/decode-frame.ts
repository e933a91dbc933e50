// Owns how the kiosk reads one camera frame: the ZXing WebAssembly options and
// the order of passes, tuned on the hard-frame corpus (bench/qr-corpus, figures
// in bench/RESULTS.md). Pure apart from the reader it is handed, so the page
// (camera.ts) and the bench in Node run exactly the same decoding.
//
// Passes, cheapest first, stopping at the first that reads a code:
// 1. plain: local-average binarizer, no rotation or inversion. Reads nearly
//    every frame a person holds up, in about half the time of ZXing's
//    "try everything" defaults (which barcode-detector's ponyfill uses).
// 2. thorough: try harder, rotations, inverted (light-on-dark phone screens),
//    and downscaling by 2 rather than 3 (blurred codes read better from a
//    smaller image, whose pixels average the blur out).
// 3. contrast: the frame contrast-normalised at half size (contrast.ts):
//    glare over part of a code or its finder pattern, heavy focus blur.
import type { ReaderOptions, ReadResult } from 'zxing-wasm/reader';
import { normalizeContrast } from './contrast';

export type ReadFn = (image: ImageData, options: ReaderOptions) => Promise<ReadResult[]>;

const QR: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 4 };

export const PASSES: readonly { name: string; options: ReaderOptions; contrast?: true }[] = [
  { name: 'plain', options: { ...QR, tryHarder: false, tryRotate: false, tryInvert: false, tryDownscale: true } },
  { name: 'thorough', options: { ...QR, tryHarder: true, tryRotate: true, tryInvert: true, tryDownscale: true, downscaleFactor: 2 } },
  { name: 'contrast', options: { ...QR, tryHarder: true, tryRotate: false, tryInvert: false, tryDownscale: false }, contrast: true },
];

/** The ImageData shape ZXing reads; a real ImageData in the page, a plain object in Node. */
function asImage(frame: { data: Uint8ClampedArray; width: number; height: number }): ImageData {
  return { data: frame.data, width: frame.width, height: frame.height, colorSpace: 'srgb' } as ImageData;
}

/** Every distinct QR text readable in the frame; the first pass that reads any wins. */
export async function decodeFrame(image: ImageData, read: ReadFn): Promise<string[]> {
  for (const pass of PASSES) {
    const input = pass.contrast ? asImage(normalizeContrast(image)) : image;
    const found = (await read(input, pass.options)).filter((r) => r.isValid && r.text).map((r) => r.text);
    if (found.length > 0) return [...new Set(found)];
  }
  return [];
}
