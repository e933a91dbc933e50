// Kiosk page entry: mount the app. `?roster=N` sizes the demo roster (benchmarks
// use 200k); `?lang=en` starts in English; `?camera=1` starts the camera;
// `?at=2025-09-10T10:00+09:00` runs a rehearsal clock from that instant (shown on
// screen), so the 2025 demo event can be walked through on any date.
// `?badge-preview=ql62|card4x3|a6&name=…` shows one badge alone (ui/BadgePreview).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { BadgePreviewPage } from './ui/BadgePreview';
import { getPlatform } from './platform';
import { registerOfflineShell } from './platform/service-worker';
import './ui/styles.css';
import './ui/desk.css';
import './ui/a11y/a11y.css';

const params = new URLSearchParams(location.search);
const rosterSize = Math.max(0, Math.min(1_000_000, Number(params.get('roster') ?? 2000) || 2000));
const lang = params.get('lang') === 'en' ? 'en' : 'ko';
const at = Date.parse(params.get('at') ?? '');
const clockOffsetMs = Number.isFinite(at) ? at - Date.now() : 0;

registerOfflineShell(getPlatform());

const root = document.getElementById('root');
if (root && params.has('badge-preview')) {
  createRoot(root).render(<BadgePreviewPage params={params} />);
} else if (root) {
  createRoot(root).render(
    <StrictMode>
      <App rosterSize={rosterSize} initialLang={lang} clockOffsetMs={clockOffsetMs} />
    </StrictMode>,
  );
}
