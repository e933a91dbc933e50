// One ticket's QR code as PNG or SVG (issuing and the admin QR route): error
// correction M, as the code format is sized for (a version ≤ 7 symbol), with the
// standard 4-module quiet zone so a desk scanner finds it on any background.

import QRCode from 'qrcode';

export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;
/** Pixels per module of the PNG: a version 7 symbol (45 modules + quiet zone) is 318 px, 27 mm at 300 dpi. */
export const PNG_SCALE = 6;

export function qrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { ...QR_OPTIONS, type: 'png', scale: PNG_SCALE });
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
