// Why the camera would not start, as a code the screen translates: the browser's
// error text (getUserMedia's DOMException message) is English only and was shown
// as is in the Korean UI.
export type CameraErrorCode = 'denied' | 'none' | 'busy' | 'insecure' | 'unknown';

export function cameraErrorCode(err: unknown): CameraErrorCode {
  const name = err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err) ? String((err as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'none';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  if (name === 'SecurityError' || (name === 'TypeError' && typeof navigator !== 'undefined' && !navigator.mediaDevices)) return 'insecure';
  return 'unknown';
}
