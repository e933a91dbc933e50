// Builds the organiser console (served by the server at /admin/ from dist-console/).
// A separate build from the kiosk's: no service worker, no camera decoder, nothing
// from a CDN; the server sends its CSP (server/routes/console.ts).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist-console', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // The page's own module preload polyfill would be fine under the CSP, but no browser we serve needs it.
    modulePreload: { polyfill: false },
  },
});
