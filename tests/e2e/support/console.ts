// The organiser console under test: a real server on loopback (SQLite in a temp
// folder, the demo event with a small roster) serving the built console
// (dist-console/, `npm run build`) at /admin/, with an admin and a viewer token;
// desks paired through the real API and scans uploaded as kiosks would, on two
// days of the September 2025 demo (with one conflict: two desks admitting one
// ticket at the `once` ceremony door); and logging in through the form.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { demoEvent } from '../../../core/demo/event';
import { demoCode } from '../../../core/demo/roster';
import { newCheckInId } from '../../../core/ids';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { openDatabase, type Db } from '../../../server/db/connect';
import { seedDemo } from '../../../server/demo';
import { createPairingCode } from '../../../server/repo/devices';

export const ADMIN = 'console-admin-token-0123456789';
export const VIEWER = 'console-viewer-token-0123456789';
export const EVENT_ID = demoEvent.event.id;

export interface ConsoleServer {
  base: string;
  db: Db;
  close(): Promise<void>;
  /** Pairs a desk through the API; returns its id and bearer token. */
  desk(name: string, checkpointId: string): Promise<{ deviceId: string; token: string }>;
  post(token: string, path: string, body: unknown): Promise<Response>;
}

export async function startConsoleServer(tickets = 300): Promise<ConsoleServer> {
  const consoleDir = resolve('dist-console');
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('dist-console/ is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'turnout-console-'));
  const db = await openDatabase({ sqlitePath: join(dir, 'db.sqlite') });
  await seedDemo(db.db, tickets);
  const app = await buildApp({
    db: db.db,
    config: loadConfig({}, { adminToken: ADMIN, viewerToken: VIEWER, logLevel: 'silent', rateLimit: false, consoleDir, kioskDir: join(dir, 'none') }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const post = (token: string, path: string, body: unknown) =>
    fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    base,
    db,
    post,
    async desk(name, checkpointId) {
      const { code } = await createPairingCode(db.db, EVENT_ID, checkpointId, 60_000);
      const res = await fetch(`${base}/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
      expect(res.status).toBe(200);
      return (await res.json()) as { deviceId: string; token: string };
    },
    async close() {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const scan = (code: string, checkpointId: string, at: string, over: object = {}) => ({
  id: newCheckInId(),
  code,
  checkpointId,
  direction: 'entry',
  verdict: 'accepted',
  scannedAt: at,
  ...over,
});
const at = (day: string, hour: number, minute: number) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+09:00`;

export interface DemoScans {
  desks: { hall: string; ceremony: string; info: string };
  tokens: { hall: string; ceremony: string; info: string };
  /** Scans per day as uploaded. */
  perDay: Record<string, number>;
  conflictCode: string;
}

/** Three desks and their scans on 10 and 11 September 2025 (the latest day with data is the 11th). */
export async function seedDemoScans(s: ConsoleServer): Promise<DemoScans> {
  const hall = await s.desk('홀 A 입구 1', 'hall-a');
  const ceremony = await s.desk('개막식 데스크', 'ceremony');
  const info = await s.desk('안내 데스크', 'info-desk');
  const perDay: Record<string, number> = {};
  const upload = async (token: string, items: ReturnType<typeof scan>[]) => {
    for (const it of items) perDay[it.scannedAt.slice(0, 10)] = (perDay[it.scannedAt.slice(0, 10)] ?? 0) + 1;
    const res = await s.post(token, '/v1/sync/checkins', { items });
    expect(res.status).toBe(200);
  };
  const day10 = '2025-09-10';
  const day11 = '2025-09-11';
  await upload(hall.token, Array.from({ length: 24 }, (_, i) => scan(demoCode(i), 'hall-a', at(day10, 10 + (i % 6), i))));
  const hall11 = Array.from({ length: 60 }, (_, i) => scan(demoCode(i), 'hall-a', at(day11, 10 + Math.floor(i / 9), (i * 7) % 60)));
  hall11.push(scan('ICW25-NOSUCHCODE', 'hall-a', at(day11, 11, 3), { verdict: 'rejected', reason: 'unknown_ticket' }));
  hall11.push(scan(demoCode(3), 'hall-a', at(day11, 15, 30), { direction: 'exit' }));
  await upload(hall.token, hall11);
  await upload(ceremony.token, Array.from({ length: 18 }, (_, i) => scan(demoCode(100 + i), 'ceremony', at(day11, 9 + (i % 3), 10 + i))));
  // The info desk, offline, also admitted ticket 105 at the ceremony door 40 minutes later: a conflict.
  const conflictCode = demoCode(105);
  await upload(info.token, [scan(conflictCode, 'ceremony', at(day11, 11, 55)), scan(demoCode(200), 'info-desk', at(day11, 12, 0))]);
  await s.post(hall.token, '/v1/sync/heartbeat', { outboxDepth: 3, appVersion: 'turnout-kiosk/0.1.0', clock: new Date().toISOString(), lastSyncAt: new Date().toISOString(), checkpointId: 'hall-a' });
  return {
    desks: { hall: hall.deviceId, ceremony: ceremony.deviceId, info: info.deviceId },
    tokens: { hall: hall.token, ceremony: ceremony.token, info: info.token },
    perDay,
    conflictCode,
  };
}

/** Logs in through the console's form and waits for the shell. */
export async function login(page: Page, base: string, token = ADMIN, lang: 'ko' | 'en' = 'en'): Promise<void> {
  await page.goto(`${base}/admin/`);
  await page.getByTestId(`lang-${lang}`).click();
  await page.locator('#token').fill(token);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await expect(page.getByTestId('role')).toBeVisible();
}

/**
 * Reads the QR code an <img> shows, as a camera would: the page draws the image
 * as displayed onto a canvas, and jsQR (not the console's own qrcode package)
 * decodes the pixels. Returns null when it cannot be read.
 */
export async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const { default: jsQR } = await import('jsqr');
  const pixels = await page.locator(selector).evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const size = 360;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    return { size, data: Array.from(ctx.getImageData(0, 0, size, size).data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.size, pixels.size)?.data ?? null;
}
