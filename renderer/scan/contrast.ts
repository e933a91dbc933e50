// Local contrast normalisation for camera frames the plain decoder cannot read:
// glare that washes part of a code (or a finder pattern) towards white, and
// blur that flattens a module's edges. Each pixel becomes its distance from the
// local mean in units of the local spread, so a module 20 levels darker than
// bright glare around it reads as black again. Computed at half resolution
// (which also averages sensor noise) with summed-area tables: O(pixels),
// independent of the window. Pure: RGBA in, grey RGBA out.

export interface RgbaFrame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * The frame at half size, contrast-normalised over a window of `radius` pixels
 * (at half size) and scaled by `gain`. Radius 16 at half size spans 64 px of a
 * 720p frame: a few modules of a code held at a desk, wider than a module.
 */
export function normalizeContrast(frame: RgbaFrame, radius = 16, gain = 40): RgbaFrame {
  const { data, width } = frame;
  const w = frame.width >> 1;
  const h = frame.height >> 1;
  const luma = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < 2; dy++) {
        for (let dx = 0; dx < 2; dx++) {
          const i = ((2 * y + dy) * width + 2 * x + dx) * 4;
          s += data[i]! * 77 + data[i + 1]! * 150 + data[i + 2]! * 29;
        }
      }
      luma[y * w + x] = s / 1024;
    }
  }
  // Summed-area tables of the values and their squares, one row and column of zeros first.
  const W1 = w + 1;
  const sum = new Float64Array(W1 * (h + 1));
  const sq = new Float64Array(W1 * (h + 1));
  for (let y = 0; y < h; y++) {
    let rs = 0;
    let rq = 0;
    for (let x = 0; x < w; x++) {
      const v = luma[y * w + x]!;
      rs += v;
      rq += v * v;
      sum[(y + 1) * W1 + x + 1] = sum[y * W1 + x + 1]! + rs;
      sq[(y + 1) * W1 + x + 1] = sq[y * W1 + x + 1]! + rq;
    }
  }
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(w, x + radius + 1);
      const n = (y1 - y0) * (x1 - x0);
      const a = y1 * W1 + x1, b = y0 * W1 + x1, c = y1 * W1 + x0, d = y0 * W1 + x0;
      const mean = (sum[a]! - sum[b]! - sum[c]! + sum[d]!) / n;
      const variance = (sq[a]! - sq[b]! - sq[c]! + sq[d]!) / n - mean * mean;
      // +4: flat areas (the desk, paper) stay grey instead of amplifying noise.
      const v = 128 + (gain * (luma[y * w + x]! - mean)) / (Math.sqrt(Math.max(0, variance)) + 4);
      const i = (y * w + x) * 4;
      out[i] = out[i + 1] = out[i + 2] = v;
      out[i + 3] = 255;
    }
  }
  return { data: out, width: w, height: h };
}
