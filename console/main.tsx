// Organiser console entry: language from the last choice (a UI preference kept
// in localStorage; no data lives there) or the browser's, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createConsoleI18n, initialLang } from './i18n';
import './console.css';

const i18n = createConsoleI18n(initialLang());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
