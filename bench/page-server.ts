// The bench page (bench/page/) built by Vite with a bench-only inline config and
// served by `vite preview` on loopback, opened in Debian's Chromium with a
// persistent profile in a temp folder, so IndexedDB lives on disk as on a kiosk
// (an off-the-record context, as browser.newPage() gives, keeps it in memory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type InlineConfig } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/chromium';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const CONFIG: InlineConfig = {
  configFile: false,
  root: here('./page'),
  base: './',
  logLevel: 'warn',
  // pouchdb-browser imports Node's `events`; give it a small EventEmitter.
  resolve: { alias: { events: here('./page/events-shim.ts') } },
  build: { outDir: here('./.work/page'), emptyOutDir: true, target: 'es2022', minify: true, chunkSizeWarningLimit: 4000 },
  preview: { host: '127.0.0.1', port: 0 },
};

export interface BenchPage {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export interface BenchPages {
  /**
   * The page in a FRESH Chromium profile: an origin's IndexedDB databases share one
   * LevelDB, so a run after another pays for its predecessor's compaction debt.
   */
  open(): Promise<BenchPage>;
  close(): Promise<void>;
}

/** Builds and serves the bench page (minified as the kiosk's build; unminified for profiles). */
export async function serveBenchPage(opts: { minify?: boolean } = {}): Promise<BenchPages> {
  await build({ ...CONFIG, build: { ...CONFIG.build, minify: opts.minify ?? true } });
  const server = await preview(CONFIG);
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('bench page: preview server has no URL');
  const open = async (): Promise<BenchPage> => {
    const profile = mkdtempSync(join(tmpdir(), 'turnout-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx (esbuild keepNames) wraps named functions in __name(); give page-side code one.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    page.on('pageerror', (e) => console.error('[bench page]', e.message));
    await page.goto(base);
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
    return {
      page,
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  };
  return { open, close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())) };
}
