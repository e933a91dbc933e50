// The hard-frame QR corpus (issue 15): 1280×720 camera frames of ticket QR
// codes in the conditions a venue throws at a kiosk camera — tiny codes, 30–45°
// tilt, motion and focus blur, glare, low light, a phone screen (moiré),
// inverted colours, and damage up to what error correction can repair.
// Generated from a seed, never downloaded or committed: `frames(cls, n)` makes
// the same pixels on every machine.
import QRCode from 'qrcode';
import { demoCode } from '../../core/demo/roster';
import {
  dim, drawWarped, focusBlur, glare, gray, invert, motionBlur, noise, rng,
  type Gray, type Point,
} from './image';

export const W = 1280;
export const H = 720;

export const CLASSES = ['clean', 'small', 'tilt', 'motion', 'focus', 'glare', 'lowlight', 'screen', 'inverted', 'damaged'] as const;
export type FrameClass = (typeof CLASSES)[number];

export const CLASS_LABELS: Record<FrameClass, string> = {
  clean: 'clean (control)',
  small: 'small: 1.6–2.4 px a module',
  tilt: 'tilt 30–45° (perspective)',
  motion: 'motion blur 0.8–1.6 modules',
  focus: 'focus blur σ 0.3–0.5 module',
  glare: 'glare over 20–35 % of the code',
  lowlight: 'low light: 12–20 % gain, noise',
  screen: 'phone screen (pixel grid, moiré)',
  inverted: 'inverted (light on dark)',
  damaged: 'damaged up to the EC limit (M)',
};

export interface Frame {
  cls: FrameClass;
  text: string;
  width: number;
  height: number;
  img: Gray;
  /** For damaged frames: the share of the symbol's modules repainted. */
  damaged?: number;
}

type Modules = { size: number; dark(x: number, y: number): boolean };

function qr(text: string): Modules {
  const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return { size: m.size, dark: (x, y) => Boolean(m.get(x, y)) };
}

/** Half the tickets carry a roster code, half a signed `TO1:` code of the length a signed ticket has (version 6–7). */
function ticketText(i: number, r: () => number): string {
  if (i % 2 === 0) return demoCode(1000 + i);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = 'TO1:';
  for (let k = 0; k < 96; k++) s += alphabet[Math.floor(r() * 64)];
  return s;
}

/** A desk or a badge behind the code: a soft gradient with some texture. */
function background(r: () => number): Gray {
  const img = gray(W, H);
  const a = 110 + r() * 80, gx = (r() - 0.5) * 60, gy = (r() - 0.5) * 60;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) img.px[y * W + x] = a + (gx * x) / W + (gy * y) / H + 6 * Math.sin(x / 37 + y / 53);
  return img;
}

/** A square of side `side` at centre (cx, cy), turned by `rot` radians in the image plane. */
function square(cx: number, cy: number, side: number, rot: number): [Point, Point, Point, Point] {
  const h = side / 2;
  return ([[-h, -h], [h, -h], [h, h], [-h, h]] as Point[]).map(([x, y]) => [
    cx + x * Math.cos(rot) - y * Math.sin(rot),
    cy + x * Math.sin(rot) + y * Math.cos(rot),
  ]) as [Point, Point, Point, Point];
}

/** The same square tilted by `tilt` radians about an in-plane axis at `axis`, seen by a pinhole camera of focal length `f` px. */
function tilted(cx: number, cy: number, side: number, tilt: number, axis: number, f: number): [Point, Point, Point, Point] {
  const h = side / 2;
  const ca = Math.cos(axis), sa = Math.sin(axis);
  return ([[-h, -h], [h, -h], [h, h], [-h, h]] as Point[]).map(([x, y]) => {
    // Into axis coordinates, tilt about the axis (its x direction), back, project.
    const ax = x * ca + y * sa, ay = -x * sa + y * ca;
    const ty = ay * Math.cos(tilt), tz = ay * Math.sin(tilt);
    const px = ax * ca - ty * sa, py = ax * sa + ty * ca;
    const z = f + tz;
    return [cx + (px * f) / z, cy + (py * f) / z];
  }) as [Point, Point, Point, Point];
}

/**
 * Samples the printed code (quiet zone included) at (u, v) in [0,1)²: paper at
 * `light`, ink at `ink`. `damage(mx, my)` may repaint a module.
 */
function printed(m: Modules, light: number, ink: number, damage?: (mx: number, my: number) => number | undefined) {
  const quiet = 4;
  const span = m.size + 2 * quiet;
  return (u: number, v: number): number => {
    const mx = Math.floor(u * span) - quiet, my = Math.floor(v * span) - quiet;
    const d = damage?.(mx, my);
    if (d !== undefined) return d;
    return mx >= 0 && my >= 0 && mx < m.size && my < m.size && m.dark(mx, my) ? ink : light;
  };
}

function moduleSide(m: Modules, side: number): number {
  return side / (m.size + 8);
}

function inFinder(m: Modules, x: number, y: number): boolean {
  const s = m.size;
  const near = (a: number, b: number) => a >= b - 1 && a <= b + 8;
  return (near(x, 0) && near(y, 0)) || (near(x, s - 8) && near(y, 0)) || (near(x, 0) && near(y, s - 8));
}

/** Options of one frame; `damage` scales the damaged class's stain and specks (1 = as drawn). */
export interface FrameOptions {
  damage?: number;
  /** Filled with the damaged symbol drawn flat and sharp (8 px a module), to check that error correction can still repair it. */
  oracle?: { symbol?: Gray };
}

/** The symbol alone, flat, 8 px a module with its quiet zone: what a perfect camera would see. */
function flatSymbol(m: Modules, damage: (x: number, y: number) => number | undefined): Gray {
  const px = 8, span = m.size + 8;
  const img = gray(span * px, span * px, 255);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const mx = Math.floor(x / px) - 4, my = Math.floor(y / px) - 4;
      const inside = mx >= 0 && my >= 0 && mx < m.size && my < m.size;
      const d = inside ? damage(mx, my) : undefined;
      img.px[y * img.width + x] = d !== undefined ? (d > 128 ? 255 : 0) : inside && m.dark(mx, my) ? 0 : 255;
    }
  }
  return img;
}

export function makeFrame(cls: FrameClass, index: number, opts: FrameOptions = {}): Frame {
  const r = rng(0x51c0de + CLASSES.indexOf(cls) * 7919 + index * 104729);
  const text = ticketText(index, r);
  const m = qr(text);
  let img = background(r);
  const cx = W / 2 + (r() - 0.5) * 300, cy = H / 2 + (r() - 0.5) * 160;
  const rot = (r() - 0.5) * 0.6;
  // A code held up at a desk fills 280–460 px of a 720p frame.
  const side = 280 + r() * 180;
  const paper = 225 + r() * 20, ink = 25 + r() * 20;

  let damaged: number | undefined;
  switch (cls) {
    case 'clean':
      drawWarped(img, square(cx, cy, side, rot), printed(m, paper, ink));
      noise(img, r, 3);
      break;
    case 'small': {
      const px = 1.6 + r() * 0.8;
      drawWarped(img, square(cx, cy, px * (m.size + 8), rot), printed(m, paper, ink));
      noise(img, r, 3);
      break;
    }
    case 'tilt': {
      const t = ((30 + r() * 15) * Math.PI) / 180;
      drawWarped(img, tilted(cx, cy, side, t, r() * Math.PI, 900), printed(m, paper, ink));
      noise(img, r, 3);
      break;
    }
    case 'motion':
      drawWarped(img, square(cx, cy, side, rot), printed(m, paper, ink));
      img = motionBlur(img, moduleSide(m, side) * (0.8 + r() * 0.8), r() * Math.PI);
      noise(img, r, 3);
      break;
    case 'focus':
      drawWarped(img, square(cx, cy, side, rot), printed(m, paper, ink));
      img = focusBlur(img, moduleSide(m, side) * (0.3 + r() * 0.2));
      noise(img, r, 3);
      break;
    case 'glare': {
      drawWarped(img, square(cx, cy, side, rot), printed(m, paper, ink));
      const frac = 0.2 + r() * 0.15;
      const rad = (side * Math.sqrt(frac)) / 2;
      glare(img, cx + (r() - 0.5) * side * 0.5, cy + (r() - 0.5) * side * 0.5, rad * (0.8 + r() * 0.4), rad * (0.8 + r() * 0.4), 150 + r() * 80);
      noise(img, r, 3);
      break;
    }
    case 'lowlight':
      drawWarped(img, square(cx, cy, side, rot), printed(m, paper, ink));
      dim(img, 0.12 + r() * 0.08, 6);
      noise(img, r, 2.5 + r() * 2);
      break;
    case 'screen': {
      // A phone showing the ticket: LCD pixels (with dark gaps between them) of a
      // pitch close to the camera's, turned a little, so the two grids beat.
      const screenPx = 330 + Math.floor(r() * 120);
      const base = printed(m, 235, 35);
      const gap = 0.22 + r() * 0.1;
      const lcd = (u: number, v: number): number => {
        const fu = (u * screenPx) % 1, fv = (v * screenPx) % 1;
        const lit = fu > gap && fv > gap * 0.5;
        return base(u, v) * (lit ? 1 : 0.45);
      };
      drawWarped(img, square(cx, cy, side * 0.9, rot + (r() - 0.5) * 0.2), lcd, 2);
      glare(img, cx + (r() - 0.5) * side, cy - side * 0.3, side * 0.6, side * 0.25, 40 + r() * 30);
      noise(img, r, 4);
      break;
    }
    case 'inverted':
      drawWarped(img, square(cx, cy, side, rot), printed(m, paper, ink));
      invert(img);
      noise(img, r, 3);
      break;
    case 'damaged': {
      // A stain or torn corner over 6–10 % of the symbol, away from the finder
      // patterns, plus scattered specks: within what level M (15 %) repairs.
      const scale = opts.damage ?? 1;
      const area = m.size * m.size * (0.06 + r() * 0.04) * scale;
      const bw = Math.max(2, Math.round(Math.sqrt(area) * (0.7 + r() * 0.6)));
      const bh = Math.max(2, Math.round(area / bw));
      let bx = 0, by = 0;
      for (let tries = 0; tries < 50; tries++) {
        bx = Math.floor(r() * (m.size - bw)); by = Math.floor(r() * (m.size - bh));
        let clear = true;
        for (let y = by; y < by + bh && clear; y++) for (let x = bx; x < bx + bw && clear; x++) if (inFinder(m, x, y)) clear = false;
        if (clear) break;
      }
      const blot = r() < 0.5 ? paper : ink;
      const specks = new Set<number>();
      for (let k = 0; k < m.size * 0.6 * scale; k++) specks.add(Math.floor(r() * m.size) * 1000 + Math.floor(r() * m.size));
      const dmg = (x: number, y: number): number | undefined => {
        if (x >= bx && x < bx + bw && y >= by && y < by + bh) return blot;
        if (specks.has(y * 1000 + x) && !inFinder(m, x, y)) return m.dark(x, y) ? paper : ink;
        return undefined;
      };
      drawWarped(img, square(cx, cy, side, rot), printed(m, paper, ink, dmg));
      noise(img, r, 3);
      if (opts.oracle) opts.oracle.symbol = flatSymbol(m, dmg);
      let hit = 0;
      for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (dmg(x, y) !== undefined) hit++;
      damaged = hit / (m.size * m.size);
      break;
    }
  }
  return { cls, text, width: W, height: H, img, damaged };
}
