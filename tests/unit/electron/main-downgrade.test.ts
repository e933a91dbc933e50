// electron/main.ts started over a data folder a NEWER Turnout used: it must quit
// with a message before any window exists (so Chromium never opens, and discards,
// the newer IndexedDB). 'electron' is mocked (no binary runs here); the version
// record is a real file in a temp userData folder.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { VERSION_FILE } from '../../../electron/version-guard';

const fake = vi.hoisted(() => {
  const calls: Record<string, unknown[]> = {};
  const record = (name: string, value: unknown) => (calls[name] ??= []).push(value);
  return { calls, record, windows: [] as { options: Record<string, unknown>; webContents: unknown; loaded: string[] }[], handlers: new Map<string, unknown>() };
});

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron(fake));

const userData = mkdtempSync(join(tmpdir(), 'turnout-downgrade-'));
const newer = JSON.stringify({ appVersion: '2.3.0', chromeVersion: '150.0.0.0', at: '2026-01-01T00:00:00.000Z' });
writeFileSync(join(userData, VERSION_FILE), newer);
process.env.TURNOUT_USER_DATA_DIR = userData;
delete process.env.ELECTRON_RENDERER_URL;
const before = process.listeners('uncaughtException');

afterAll(() => {
  for (const l of process.listeners('uncaughtException')) if (!before.includes(l)) process.off('uncaughtException', l);
  delete process.env.TURNOUT_USER_DATA_DIR;
});

describe('main.ts over a newer data folder', () => {
  it('shows why, exits with code 2, opens no window and registers no IPC', async () => {
    await import('../../../electron/main');
    await vi.waitFor(() => expect(fake.calls.exit).toEqual([2]));
    expect(fake.windows).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
    const [title, body] = (fake.calls.errorBox as [string, string][])[0]!;
    expect(title).toBe('Turnout');
    expect(body).toContain('Turnout 2.3.0');
    expect(body).toContain('이전 버전으로 시작하면');
    expect(body).toContain('Install 2.3.0 or newer');
    // The record still names the newer version.
    expect(readFileSync(join(userData, VERSION_FILE), 'utf8')).toBe(newer);
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toMatch(/downgrade refused/);
  });
});
