// End-to-end tests: the built kiosk in Debian's Chromium (never a downloaded browser).
// Electron e2e tests live in tests/electron and skip themselves where no binary exists.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/support/chromium';

// One port per checkout: two checkouts running e2e at once on one machine must
// never share (or, with reuseExistingServer, reuse) each other's preview server.
function defaultPort(): number {
  let h = 0;
  for (const ch of process.cwd()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 4317 + (h % 2000);
}
const PORT = Number(process.env.TURNOUT_E2E_PORT ?? defaultPort());

export default defineConfig({
  testDir: 'tests',
  // docs/ rewrites the screenshots in docs/: only on request (`npm run screenshots`).
  testMatch: process.env.TURNOUT_SCREENSHOTS ? ['docs/**/*.spec.ts'] : ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --config renderer/vite.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
