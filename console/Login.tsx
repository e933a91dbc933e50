// The login form: the admin or viewer token, typed (or pasted) here and sent
// once in a POST body; the server answers with the session cookie. The token is
// never put in a URL or kept by the page.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../core/console-api';
import { ApiFailure, login } from './api';

export function Login({ onLoggedIn, langSwitch }: { onLoggedIn(s: SessionInfo): void; langSwitch: ReactNode }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const s = await login(token);
      setToken('');
      onLoggedIn(s);
    } catch (err) {
      setError(err instanceof ApiFailure && err.status === 401 ? t('login.refused') : t('login.failed', { message: String((err as Error).message) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-wrap">
      <div className="login-top">{langSwitch}</div>
      <form className="login" data-testid="login-form" onSubmit={(e) => void submit(e)}>
        <h1>
          Turnout <span>{t('shell.title')}</span>
        </h1>
        <label htmlFor="token">{t('login.token')}</label>
        <input id="token" name="token" type="password" autoComplete="current-password" required value={token} onChange={(e) => setToken(e.target.value)} />
        <p className="hint">{t('login.hint')}</p>
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
        <p className="error" role="alert" data-testid="login-error">
          {error}
        </p>
      </form>
    </div>
  );
}
