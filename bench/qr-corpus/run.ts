// Reads the whole hard-frame corpus with every decoder (bench/qr-corpus):
// read rate and time per frame, per class and overall, same frames, same run.
import { readBarcodes } from 'zxing-wasm/reader';
import { CLASSES, CLASS_LABELS, makeFrame, type Frame, type FrameClass } from './generate';
import { toRgba } from './image';
import { jsqr, ponyfillDefaults, prepareZxing, turnout, zxingLibrary, type Decoder } from './decoders';

export interface CorpusScore {
  decoder: string;
  byClass: Record<FrameClass, { read: number; total: number; ms: number[] }>;
  read: number;
  total: number;
  ms: number[];
}

class NodeImageData {
  readonly colorSpace = 'srgb';
  constructor(readonly data: Uint8ClampedArray, readonly width: number, readonly height: number) {}
}

/**
 * The corpus frame. A damaged code is kept only as damaged as error correction
 * can repair: its stain shrinks until the same symbol, drawn flat and sharp,
 * decodes (a perfect image leaves only Reed–Solomon to judge).
 */
export async function corpusFrame(cls: FrameClass, index: number): Promise<Frame> {
  if (cls !== 'damaged') return makeFrame(cls, index);
  for (let damage = 1; ; damage *= 0.85) {
    const oracle: { symbol?: Frame['img'] } = {};
    const frame = makeFrame(cls, index, { damage, oracle });
    const s = oracle.symbol!;
    const found = await readBarcodes(new NodeImageData(toRgba(s), s.width, s.height) as unknown as ImageData, { formats: ['QRCode'], isPure: true });
    if (found.some((f) => f.text === frame.text) || damage < 0.2) return frame;
  }
}

export async function readCorpus(perClass: number, decoders: Decoder[] = [turnout, ponyfillDefaults, jsqr, zxingLibrary], classes: readonly FrameClass[] = CLASSES): Promise<CorpusScore[]> {
  await prepareZxing();
  const scores: CorpusScore[] = decoders.map((d) => ({
    decoder: d.name,
    byClass: Object.fromEntries(classes.map((c) => [c, { read: 0, total: 0, ms: [] as number[] }])) as CorpusScore['byClass'],
    read: 0,
    total: 0,
    ms: [],
  }));
  for (const cls of classes) {
    for (let i = 0; i < perClass; i++) {
      const frame = await corpusFrame(cls, i);
      const rgba = toRgba(frame.img);
      for (const [k, d] of decoders.entries()) {
        const t = performance.now();
        const text = await d.decode(rgba, frame.width, frame.height);
        const ms = performance.now() - t;
        const s = scores[k]!;
        const c = s.byClass[cls];
        c.total++; s.total++;
        c.ms.push(ms); s.ms.push(ms);
        if (text === frame.text) { c.read++; s.read++; }
      }
    }
    process.stdout.write(`${cls} `);
  }
  process.stdout.write('\n');
  return scores;
}

export { CLASS_LABELS };
