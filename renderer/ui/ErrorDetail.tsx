// The secondary line under an error message: the raw exception text (English,
// from the browser, the shell or the server) for staff who report the fault.
// The main message above it is always a translated code; this never replaces it.
import { useTranslation } from 'react-i18next';

export function ErrorDetail({ detail }: { detail: string | undefined }) {
  const { t } = useTranslation();
  if (!detail) return null;
  return (
    <small className="error-detail" data-testid="error-detail">
      {t('error.detail', { detail })}
    </small>
  );
}
