// Live camera preview that feeds decoded QR codes to the check-in. The same code
// is ignored for 3 s after its verdict so a code held up to the lens counts once.
import { cameraErrorCode, type CameraErrorCode } from '../scan/camera-error';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCameras, startCamera, type CameraInfo } from '../scan/camera';
import { createDedupe } from '../scan/dedupe';

export function CameraView({ onCode }: { onCode: (code: string) => Promise<unknown> }) {
  const [deviceId, setDeviceId] = useState<string | undefined>(undefined);
  const [cameras, setCameras] = useState<CameraInfo[]>([]);
  const video = useRef<HTMLVideoElement>(null);
  const { t } = useTranslation();
  const [error, setError] = useState<CameraErrorCode | null>(null);
  const [state, setState] = useState<'starting' | 'running'>('starting');
  const onCodeRef = useRef(onCode);
  // The latest handler, without restarting the camera when it changes.
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    const dedupe = createDedupe(3000);
    let handle: { stop(): void } | undefined;
    let cancelled = false;
    startCamera({
      video: el,
      deviceId,
      onCode: (code) => {
        if (!dedupe.shouldAccept(code)) return;
        dedupe.markVerdict(code);
        void onCodeRef.current(code).finally(() => dedupe.markVerdict(code));
      },
    })
      .then((h) => {
        if (cancelled) h.stop();
        else {
          handle = h;
          setState('running');
          // Labels are only readable once permission was granted, i.e. now.
          listCameras().then(setCameras, () => undefined);
        }
      })
      .catch((err: unknown) => setError(cameraErrorCode(err)));
    return () => {
      cancelled = true;
      handle?.stop();
    };
  }, [deviceId]);

  return (
    <div className="camera" data-camera-state={error ? 'error' : state}>
      <video ref={video} className="camera__video" muted playsInline />
      {error && <p className="camera__error" role="alert" data-camera-error={error}>{t(`scan.cameraError_${error}`)}</p>}
      {cameras.length > 1 && (
        <select className="camera__picker" aria-label={t('scan.camera')} value={deviceId ?? ''} onChange={(e) => setDeviceId(e.target.value || undefined)}>
          <option value="">{t('scan.cameraAuto')}</option>
          {cameras.map((c, i) => <option key={c.deviceId} value={c.deviceId}>{c.label || t('scan.cameraNumbered', { n: i + 1 })}</option>)}
        </select>
      )}
    </div>
  );
}
