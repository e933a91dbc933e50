#!/usr/bin/env node
// Draws resources/icon.png: a bold white "T" on a rounded teal square, 512×512,
// anti-aliased by 4×4 supersampling. Only pngjs (already installed) is used, so the
// icon can be regenerated anywhere: `node scripts/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { PNG } = createRequire(import.meta.url)('pngjs');
const SIZE = 512;
const SS = 4;
const RADIUS = 112;
const BG = [15, 118, 110]; // teal-700
const BG_TOP = [20, 184, 166]; // teal-500, a soft vertical gradient
const FG = [255, 255, 255];

const inRoundedSquare = (x, y) => {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
};
// The T: a bar across the top and a stem, in a 512 grid.
const inT = (x, y) => (x >= 120 && x <= 392 && y >= 116 && y <= 196) || (x >= 214 && x <= 298 && y >= 116 && y <= 404);

const png = new PNG({ width: SIZE, height: SIZE });
for (let y = 0; y < SIZE; y += 1) {
  for (let x = 0; x < SIZE; x += 1) {
    let cover = 0;
    let ink = 0;
    for (let sy = 0; sy < SS; sy += 1) {
      for (let sx = 0; sx < SS; sx += 1) {
        const px = x + (sx + 0.5) / SS;
        const py = y + (sy + 0.5) / SS;
        if (inRoundedSquare(px, py)) {
          cover += 1;
          if (inT(px, py)) ink += 1;
        }
      }
    }
    const t = y / SIZE;
    const bg = BG.map((c, i) => Math.round(BG_TOP[i] * (1 - t) + c * t));
    const mix = cover === 0 ? 0 : ink / cover;
    const i = (y * SIZE + x) * 4;
    for (let c = 0; c < 3; c += 1) png.data[i + c] = Math.round(bg[c] * (1 - mix) + FG[c] * mix);
    png.data[i + 3] = Math.round((cover / (SS * SS)) * 255);
  }
}
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icon.png');
writeFileSync(out, PNG.sync.write(png));
console.log(`wrote ${out}`);
