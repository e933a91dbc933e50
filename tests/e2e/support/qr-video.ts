// Builds a fake-camera video at test time: a QR code PNG (qrcode) turned into a
// Y4M clip by ffmpeg, which Chromium plays as its camera. ~60 MB, never committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';

export async function qrVideo(text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'turnout-cam-'));
  // Chromium reads the file while the test runs; it goes when the test worker exits.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const png = join(dir, 'qr.png');
  const y4m = join(dir, 'qr.y4m');
  await QRCode.toFile(png, text, { errorCorrectionLevel: 'M', margin: 4, width: 600 });
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y', '-loop', '1', '-i', png,
    '-vf', 'scale=600:600,pad=1280:720:340:60:white,format=yuv420p',
    '-t', '3', '-r', '15', y4m,
  ]);
  return y4m;
}
