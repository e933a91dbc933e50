// The camera's failure reaches the screen as a code with a Korean and an English
// string, never the browser's English-only message.
import { describe, expect, it } from 'vitest';
import { cameraErrorCode } from '../../../renderer/scan/camera-error';
import { en } from '../../../renderer/i18n/en';
import { ko } from '../../../renderer/i18n/ko';

const domError = (name: string) => Object.assign(new Error('Permission denied by system'), { name });

describe('cameraErrorCode', () => {
  it('maps getUserMedia failures to codes, and anything else to unknown', () => {
    expect(cameraErrorCode(domError('NotAllowedError'))).toBe('denied');
    expect(cameraErrorCode(domError('NotFoundError'))).toBe('none');
    expect(cameraErrorCode(domError('NotReadableError'))).toBe('busy');
    expect(cameraErrorCode(domError('SecurityError'))).toBe('insecure');
    expect(cameraErrorCode(new Error('boom'))).toBe('unknown');
    expect(cameraErrorCode('weird')).toBe('unknown');
  });

  it('has a different Korean and English string for every code', () => {
    for (const code of ['denied', 'none', 'busy', 'insecure', 'unknown'] as const) {
      const k = `cameraError_${code}` as const;
      expect(ko.scan[k]).toMatch(/카메라/);
      expect(en.scan[k]).toMatch(/Camera/);
    }
  });
});
