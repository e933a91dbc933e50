// Owns camera QR decoding: opening a camera into a <video>, a detect loop, and
// clean shutdown. Frames are read by decode-frame.ts on ZXing WebAssembly (or,
// when asked, the browser's native BarcodeDetector). The .wasm is bundled by Vite and loaded from our own
// origin: a kiosk is offline-first and its CSP allows no CDN. Kept thin — it
// needs a real browser and is covered by the e2e suite with a fake camera.

import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { decodeFrame, type ReadFn } from './decode-frame';

export type CameraErrorKind =
  | 'unsupported' // no mediaDevices (insecure context, or no camera stack at all)
  | 'permission_denied'
  | 'no_camera' // none attached, or the chosen one is gone
  | 'camera_busy' // another app holds it, or the OS failed to start it
  | 'camera_lost' // unplugged or stopped by the OS while running
  | 'decoder_unavailable' // neither native detector nor ZXing could be loaded
  | 'unknown';

/** The one error type this module throws or reports; `kind` is what the UI shows. */
export class CameraError extends Error {
  constructor(
    readonly kind: CameraErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CameraError';
  }
}

export interface CameraInfo {
  deviceId: string;
  /** Empty until camera permission is granted (browser privacy rule); the UI names it then. */
  label: string;
}

export interface CameraOptions {
  /** A camera from `listCameras()`; absent = the rear/environment camera if any. */
  deviceId?: string;
  video: HTMLVideoElement;
  /** Every decoded QR text, as often as it is seen; dedupe with `createDedupe`. */
  onCode(code: string): void;
  /** Least time between two detect starts. Default 80 ms. */
  intervalMs?: number;
  /** Problems after start: the camera was lost. Detect errors on single frames are ignored. */
  onError?(error: CameraError): void;
  /**
   * Use the browser's own BarcodeDetector when it reads QR. Default false: ours is
   * measured on the hard-frame corpus (bench/RESULTS.md), the platform's is not.
   */
  preferNative?: boolean;
}

export interface CameraSession {
  stop(): void;
}

interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
interface DetectorClass {
  new (options?: { formats?: string[] }): Detector;
  getSupportedFormats?(): Promise<readonly string[]>;
}

function mediaDevices(): MediaDevices {
  const md = globalThis.navigator?.mediaDevices;
  if (!md?.getUserMedia) {
    throw new CameraError('unsupported', 'Camera access is not available in this context');
  }
  return md;
}

/** Map getUserMedia's DOMException names to what the screen should say. */
function toCameraError(err: unknown): CameraError {
  if (err instanceof CameraError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  const message = err instanceof Error ? err.message : String(err);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError('permission_denied', message, { cause: err });
    case 'NotFoundError':
    case 'OverconstrainedError': // only our exact deviceId can over-constrain: that camera is gone
      return new CameraError('no_camera', message, { cause: err });
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError('camera_busy', message, { cause: err });
    default:
      return new CameraError('unknown', message, { cause: err });
  }
}

export async function listCameras(): Promise<CameraInfo[]> {
  const md = mediaDevices();
  const devices = await md.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

// One ZXing instantiation per page. The overrides object must be the same
// reference on every call: the package compares overrides shallowly and would
// re-instantiate (or, without them, fall back to its CDN default).
const ZXING_OVERRIDES = {
  locateFile: (path: string, prefix: string): string => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};
let zxing: Promise<ReadFn> | undefined;

function loadZxing(): Promise<ReadFn> {
  zxing ??= (async () => {
    // Dynamic import keeps ZXing's glue out of the first paint; it is a local chunk.
    const mod = await import('zxing-wasm/reader');
    try {
      await mod.prepareZXingModule({ overrides: ZXING_OVERRIDES, fireImmediately: true });
    } catch (err) {
      // The package caches the failed promise; purge it so a retry can succeed.
      mod.purgeZXingModule();
      throw err;
    }
    return mod.readBarcodes as ReadFn;
  })().catch((err: unknown) => {
    zxing = undefined;
    throw new CameraError('decoder_unavailable', 'QR decoder failed to load', { cause: err });
  });
  return zxing;
}

/**
 * Our own decoder: the video frame drawn to a canvas and read by decode-frame.ts,
 * whose passes were tuned on the hard-frame corpus (bench/qr-corpus).
 */
function frameDetector(read: ReadFn): Detector {
  let canvas: OffscreenCanvas | HTMLCanvasElement | undefined;
  let ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null = null;
  return {
    async detect(video) {
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (!w || !h) return [];
      if (!canvas || canvas.width !== w || canvas.height !== h) {
        canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : Object.assign(document.createElement('canvas'), { width: w, height: h });
        ctx = canvas.getContext('2d', { willReadFrequently: true }) as typeof ctx;
      }
      if (!ctx) return [];
      ctx.drawImage(video, 0, 0, w, h);
      const texts = await decodeFrame(ctx.getImageData(0, 0, w, h), read);
      return texts.map((rawValue) => ({ rawValue }));
    },
  };
}

async function createDetector(preferNative: boolean): Promise<Detector> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (preferNative && Native?.getSupportedFormats) {
    try {
      if ((await Native.getSupportedFormats()).includes('qr_code')) return new Native({ formats: ['qr_code'] });
    } catch {
      // A native detector that can't even list formats is no use; fall through.
    }
  }
  return frameDetector(await loadZxing());
}

export async function startCamera(opts: CameraOptions): Promise<CameraSession> {
  const { video, onCode, deviceId } = opts;
  const intervalMs = Math.max(0, opts.intervalMs ?? 80);
  const md = mediaDevices();

  const constraints: MediaStreamConstraints = {
    audio: false,
    video: {
      width: { ideal: 1280 },
      height: { ideal: 720 },
      ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
    },
  };
  // Load the decoder while the camera starts; both take hundreds of ms.
  const detectorP = createDetector(opts.preferNative ?? false);
  detectorP.catch(() => undefined); // awaited below; silence the unhandled path if gUM throws first
  let stream: MediaStream;
  try {
    stream = await md.getUserMedia(constraints);
  } catch (err) {
    throw toCameraError(err);
  }

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frameHandle: number | undefined;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    if (frameHandle !== undefined) video.cancelVideoFrameCallback?.(frameHandle);
    for (const track of stream.getTracks()) track.stop();
    if (video.srcObject === stream) video.srcObject = null;
  };

  let detector: Detector;
  try {
    detector = await detectorP;
    video.muted = true; // autoplay without a gesture needs muted + inline
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
  } catch (err) {
    stop();
    throw toCameraError(err);
  }

  for (const track of stream.getVideoTracks()) {
    track.addEventListener('ended', () => {
      if (stopped) return;
      stop();
      opts.onError?.(new CameraError('camera_lost', 'The camera stopped'));
    });
  }

  // One detect at a time: the next is scheduled only after the previous one
  // settles, at least intervalMs after it started, and (when the browser can
  // tell us) on a new video frame so the same frame is never decoded twice.
  const useFrames = typeof video.requestVideoFrameCallback === 'function';
  const schedule = (sinceStartMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped) return;
      if (useFrames) frameHandle = video.requestVideoFrameCallback(() => void tick());
      else void tick();
    }, Math.max(0, intervalMs - sinceStartMs));
  };
  const tick = async (): Promise<void> => {
    frameHandle = undefined;
    if (stopped) return;
    const started = performance.now();
    // HAVE_CURRENT_DATA: before it the element has no frame to read.
    let found: Array<{ rawValue: string }> = [];
    if (video.readyState >= 2) {
      try {
        found = await detector.detect(video);
      } catch {
        // A frame the decoder can't read (mid-resize, torn frame) is not an
        // error worth showing; the next frame will do.
      }
    }
    for (const b of found) {
      if (stopped) return;
      if (!b.rawValue) continue;
      try {
        onCode(b.rawValue);
      } catch (err) {
        // A throwing handler must not end the loop; still surface the error.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
    schedule(performance.now() - started);
  };
  schedule(intervalMs);

  return { stop };
}
