// A QR code as an SVG image (the `qrcode` package, error correction M): sharp
// at any size on screen and on paper, and an <img> so the CSP needs no inline markup.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

export function QrImage({ text, label, className, testId }: { text: string; label: string; className?: string; testId?: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(undefined),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return src ? <img className={className} src={src} alt={label} data-testid={testId} data-qr-text={text} /> : null;
}
