// Lint rules, including the architecture's one-way arrows (DESIGN.md "Architecture"):
// ui → sync/storage/scan/platform → core; server → core; electron → core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import turnout from './eslint-rules/no-ui-text-concat.js';

const UI = { group: ['**/ui', '**/ui/*', '**/ui/**'], message: 'Nothing imports the UI.' };
const RENDERER = { group: ['**/renderer/**'], message: 'Only the kiosk page imports renderer code.' };
const SERVER = { group: ['**/server/**'], message: 'The server is reached over HTTP, not imported.' };
const ELECTRON_DIR = { group: ['**/electron/**'], message: 'The shell is reached through window.kiosk.' };
const FRAMEWORKS = ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'electron'].map((name) => ({
  name,
  message: 'core/ is pure: no UI framework, storage or Electron.',
}));

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-renderer', 'dist-console', 'release', 'test-results', 'playwright-report', 'bench/.work', '.turnout-data', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: FRAMEWORKS,
        patterns: [UI, RENDERER, SERVER, ELECTRON_DIR, { group: ['node:*'], message: 'core/ runs in the page too: no Node built-ins.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The page reaches the shell only through renderer/platform.' }],
        patterns: [SERVER, ELECTRON_DIR],
      }],
    },
  },
  {
    files: ['renderer/{storage,sync,scan,platform,i18n,badge}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The page reaches the shell only through renderer/platform.' }],
        patterns: [UI, SERVER, ELECTRON_DIR],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/platform/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'kiosk', message: 'Use renderer/platform.' },
        // localStorage loses writes when the process is killed within seconds (electron#22048).
        { object: 'window', property: 'localStorage', message: 'Keep state in IndexedDB (renderer/storage), never localStorage.' },
        { object: 'window', property: 'sessionStorage', message: 'Keep state in IndexedDB (renderer/storage).' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Keep state in IndexedDB (renderer/storage), never localStorage (electron#22048).' },
        { name: 'sessionStorage', message: 'Keep state in IndexedDB (renderer/storage).' },
      ],
    },
  },
  {
    // The organiser console (served at /admin/): a page of its own, talking to the server over HTTP.
    files: ['console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [SERVER, ELECTRON_DIR, { group: ['**/renderer/**'], message: 'The console shares only core/ with the kiosk.' }],
      }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: FRAMEWORKS.filter((f) => f.name !== 'react'), patterns: [UI, RENDERER, ELECTRON_DIR] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [UI, RENDERER, SERVER] }],
    },
  },
  {
    // No sentences glued from pieces in the UI: word order differs by language (eslint-rules/no-ui-text-concat.js).
    files: ['renderer/**/*.tsx', 'console/**/*.tsx'],
    plugins: { turnout },
    rules: { 'turnout/no-ui-text-concat': 'error' },
  },
);
