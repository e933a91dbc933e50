// Grey-level image operations for the hard-frame QR corpus (bench/qr-corpus):
// a float image, a seeded PRNG, and the camera's troubles as pure functions —
// perspective, blur, motion, glare, low light, sensor noise. Deterministic: the
// same seed makes the same frame on every machine, so the corpus is regenerated
// at bench time and never committed.

import { mulberry32 } from '../../core/seeded-random';

export interface Gray {
  width: number;
  height: number;
  /** Luminance 0–255 per pixel, row-major. */
  px: Float32Array;
}

export function gray(width: number, height: number, fill = 0): Gray {
  return { width, height, px: new Float32Array(width * height).fill(fill) };
}


export function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

export type Point = [number, number];

/**
 * The homography mapping the unit square's corners (0,0) (1,0) (1,1) (0,1) to
 * `quad`; returns its inverse as a function from image point to unit square.
 */
export function unitSquareFrom(quad: [Point, Point, Point, Point]): (x: number, y: number) => Point {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = quad;
  // Square → quad (Heckbert's projective mapping).
  const dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3;
  const dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den;
  const h = (dx1 * dy3 - dx3 * dy1) / den;
  const a = x1 - x0 + g * x1, b = x3 - x0 + h * x3, c = x0;
  const d = y1 - y0 + g * y1, e = y3 - y0 + h * y3, f = y0;
  // Inverse of [[a b c][d e f][g h 1]] by adjugate.
  const A = e - f * h, B = c * h - b, C = b * f - c * e;
  const D = f * g - d, E = a - c * g, F = c * d - a * f;
  const G = d * h - e * g, H = b * g - a * h, I = a * e - b * d;
  return (x, y) => {
    const w = G * x + H * y + I;
    return [(A * x + B * y + C) / w, (D * x + E * y + F) / w];
  };
}

/**
 * Draws `sample(u, v)` (u, v in [0,1) over the unit square, returning 0–255 or
 * undefined outside the pattern) onto `img` inside `quad`, with `ss`×`ss`
 * supersampling so edges are anti-aliased as a lens would.
 */
export function drawWarped(img: Gray, quad: [Point, Point, Point, Point], sample: (u: number, v: number) => number | undefined, ss = 3): void {
  const inv = unitSquareFrom(quad);
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(img.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(img.height - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let sum = 0;
      let n = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [u, v] = inv(x + (sx + 0.5) / ss, y + (sy + 0.5) / ss);
          if (u < 0 || v < 0 || u >= 1 || v >= 1) continue;
          const s = sample(u, v);
          if (s === undefined) continue;
          sum += s;
          n++;
        }
      }
      if (n > 0) {
        const i = y * img.width + x;
        const cover = n / (ss * ss);
        img.px[i] = img.px[i]! * (1 - cover) + (sum / n) * cover;
      }
    }
  }
}

/** Convolves every row then every column with `kernel` (normalised; edges clamped). */
function separable(img: Gray, kernel: number[]): Gray {
  const r = (kernel.length - 1) / 2;
  const { width: w, height: h } = img;
  const tmp = new Float32Array(w * h);
  const out = gray(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += img.px[y * w + Math.min(w - 1, Math.max(0, x + k))]! * kernel[k + r]!;
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += tmp[Math.min(h - 1, Math.max(0, y + k)) * w + x]! * kernel[k + r]!;
      out.px[y * w + x] = s;
    }
  }
  return out;
}

/** Out-of-focus blur: a Gaussian of standard deviation `sigma` pixels. */
export function focusBlur(img: Gray, sigma: number): Gray {
  const r = Math.ceil(sigma * 3);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const s = k.reduce((a, b) => a + b, 0);
  return separable(img, k.map((v) => v / s));
}

/** Motion blur: the mean along a line of `length` pixels at `angle` radians. */
export function motionBlur(img: Gray, length: number, angle: number): Gray {
  const { width: w, height: h } = img;
  const out = gray(w, h);
  const steps = Math.max(2, Math.round(length));
  const dx = Math.cos(angle), dy = Math.sin(angle);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let t = 0; t < steps; t++) {
        const o = t - (steps - 1) / 2;
        const sx = Math.min(w - 1, Math.max(0, Math.round(x + o * dx)));
        const sy = Math.min(h - 1, Math.max(0, Math.round(y + o * dy)));
        s += img.px[sy * w + sx]!;
      }
      out.px[y * w + x] = s / steps;
    }
  }
  return out;
}

/** A specular highlight: adds up to `peak` levels in a soft ellipse, saturating (glossy paper, a lamp). */
export function glare(img: Gray, cx: number, cy: number, rx: number, ry: number, peak: number): void {
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
      if (d < 4) img.px[y * img.width + x] = img.px[y * img.width + x]! + peak * Math.exp(-d * 1.5);
    }
  }
}

/** Maps levels to a dim scene: `gain` of the light, a floor of `black`, and a display gamma. */
export function dim(img: Gray, gain: number, black: number): void {
  for (let i = 0; i < img.px.length; i++) img.px[i] = black + gain * img.px[i]!;
}

/** Sensor noise: Gaussian with `sigma` levels. */
export function noise(img: Gray, r: () => number, sigma: number): void {
  for (let i = 0; i < img.px.length; i++) img.px[i] = img.px[i]! + sigma * gaussian(r);
}

export function invert(img: Gray): void {
  for (let i = 0; i < img.px.length; i++) img.px[i] = 255 - img.px[i]!;
}

/** RGBA bytes as a camera frame hands them to a decoder (grey in all three channels). */
export function toRgba(img: Gray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0; i < img.px.length; i++) {
    const v = img.px[i]!;
    out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = v;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** The corpus's seeded PRNG (re-exported: generators import it from here). */
export const rng = mulberry32;
