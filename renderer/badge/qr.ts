// The badge's QR: the ticket code and nothing else (no name, no URL), as SVG from
// `qrcode` at error correction M with its 4-module quiet zone, so it scales to
// any label without blurring and survives a thermal printer's dot gain.
import QRCode from 'qrcode';

export function qrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}
