// One ticket's QR code as PNG or SVG (issuing and the admin QR route): error
// correction M, as the code format is sized for (a version ≤ 7 symbol), with the
// standard 4-module quiet zone so a desk scanner finds it on any background.

import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;
/** Pixels per module of the PNG: a version 7 symbol (45 modules + quiet zone) is 318 px, 27 mm at 300 dpi. */
export const PNG_SCALE = 6;

/**
 * The symbol as a 1-bit greyscale PNG, written here rather than through
 * `qrcode`'s PNG path: that one renders an RGBA bitmap and deflates it with
 * pngjs, ~75 % of the time of issuing 10,000 tickets (bench/issue.ts); a QR is
 * black and white, so one bit a pixel says the same in a 32nd of the bytes.
 */
export async function qrPng(code: string): Promise<Buffer> {
  const { size, dark } = qrModules(code);
  return bitmapPng((size + 2 * QR_OPTIONS.margin) * PNG_SCALE, (x, y) => {
    const mx = Math.floor(x / PNG_SCALE) - QR_OPTIONS.margin;
    const my = Math.floor(y / PNG_SCALE) - QR_OPTIONS.margin;
    return mx >= 0 && my >= 0 && mx < size && my < size && dark(mx, my);
  });
}

/** A square 1-bit greyscale PNG (RFC 2083): black where `dark`, white elsewhere. */
function bitmapPng(side: number, dark: (x: number, y: number) => boolean): Buffer {
  const stride = Math.ceil(side / 8) + 1; // a filter byte (0: none) before each row
  const raw = Buffer.alloc(stride * side, 0);
  for (let y = 0; y < side; y++) {
    raw[y * stride] = 0;
    for (let x = 0; x < side; x++) {
      if (!dark(x, y)) raw[y * stride + 1 + (x >> 3)]! |= 0x80 >> (x & 7); // 1 = white
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function qrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { ...QR_OPTIONS, type: 'svg' });
}

/** The module matrix (true = dark), without quiet zone, for drawing the code as vectors (sheet-pdf.ts). */
export function qrModules(code: string): { size: number; dark(x: number, y: number): boolean } {
  const qr = QRCode.create(code, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}
