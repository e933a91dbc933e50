// Setup's badge section, per device: print a badge at check-in or not, the label
// stock, and in Electron the printer by its system name (the list comes from the
// shell's getPrintersAsync; a saved printer that is gone stays shown as not
// connected rather than silently replaced). A live preview is the very document
// that prints, and a test print goes through the same path as a check-in's.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSummary } from '../../core/kiosk-api';
import { BADGE_TEMPLATE_IDS, DEFAULT_BADGE_SETTINGS, saveBadgeSettings, type BadgeSettings } from '../badge';
import { printBadge } from '../badge/print';
import { getPlatform } from '../platform';
import { useBadgeSettings } from './BadgeDesk';
import { BadgeFrame, SAMPLE_BADGE, useRenderedBadge } from './BadgePreview';
import { useKiosk } from './KioskContext';
import { ErrorDetail } from './ErrorDetail';

export function BadgeSetup() {
  const { db, config } = useKiosk();
  const { t } = useTranslation();
  const settings = useBadgeSettings(db) ?? DEFAULT_BADGE_SETTINGS;
  const platform = getPlatform();
  const [printers, setPrinters] = useState<PrinterSummary[] | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean; detail?: string } | null>(null);
  const rendered = useRenderedBadge(settings.template, SAMPLE_BADGE, config.event.name.ko);

  const loadPrinters = useCallback(() => {
    void platform.listPrinters().then((r) => setPrinters(r.ok ? r.value : []));
  }, [platform]);
  useEffect(() => {
    let live = true;
    if (platform.silentPrint) void platform.listPrinters().then((r) => live && setPrinters(r.ok ? r.value : []));
    return () => {
      live = false;
    };
  }, [platform]);

  const save = (patch: Partial<BadgeSettings>) => {
    setMessage(null);
    void saveBadgeSettings(db, { ...settings, ...patch });
  };
  const testPrint = async () => {
    setMessage(null);
    const r = await printBadge(SAMPLE_BADGE, settings, { event: config.event.name });
    setMessage(r.ok ? { text: t('badge.testSent'), ok: true } : { text: t('badge.testFailed', { reason: t(`error.kiosk.${r.error.code}`) }), detail: r.error.message, ok: false });
  };
  const missing = settings.printerName !== null && printers !== null && !printers.some((p) => p.name === settings.printerName);

  return (
    <section className="setup__badges" data-testid="badge-setup" data-enabled={settings.enabled ? '1' : '0'}>
      <div className="setup__badges-form">
        <h3>{t('badge.title')}</h3>
        <div className="setup__row" role="radiogroup" aria-label={t('badge.enabled')}>
          <span>{t('badge.enabled')}</span>
          {([true, false] as const).map((on) => (
            <button key={String(on)} type="button" role="radio" aria-checked={settings.enabled === on} data-testid={on ? 'badge-on' : 'badge-off'}
              className={`btn ${settings.enabled === on ? 'btn--on' : 'btn--ghost'}`} onClick={() => save({ enabled: on })}>
              {t(on ? 'badge.on' : 'badge.off')}
            </button>
          ))}
        </div>
        {/* Off: just the switch, so a desk that never prints keeps its setup screen short. */}
        {settings.enabled && (
          <>
          <div className="setup__row setup__row--wrap" role="radiogroup" aria-label={t('badge.stock')}>
            <span>{t('badge.stock')}</span>
            {BADGE_TEMPLATE_IDS.map((id) => (
              <button key={id} type="button" role="radio" aria-checked={settings.template === id} data-badge-template={id}
                className={`btn ${settings.template === id ? 'btn--on' : 'btn--ghost'}`} onClick={() => save({ template: id })}>
                {t(`badge.stock_${id}`)}
              </button>
            ))}
          </div>
          {platform.silentPrint ? (
            <label className="setup__row">
              <span>{t('badge.printer')}</span>
              <select data-testid="badge-printer" value={settings.printerName ?? ''} onChange={(e) => save({ printerName: e.target.value || null })}>
                <option value="">{t('badge.printerDefault')}</option>
                {missing && <option value={settings.printerName!}>{t('badge.printerMissing', { name: settings.printerName })}</option>}
                {(printers ?? []).map((p) => (
                  <option key={p.name} value={p.name}>{p.displayName === p.name ? p.name : t('badge.printerNamed', { displayName: p.displayName, name: p.name })}</option>
                ))}
              </select>
              <button type="button" className="btn btn--ghost" onClick={loadPrinters}>{t('badge.refresh')}</button>
            </label>
          ) : (
            <p className="setup__note">{t('badge.printerDialog')}</p>
          )}
          <div className="setup__row">
            <button type="button" className="btn btn--ghost" data-testid="badge-test" onClick={() => void testPrint()}>{t('badge.test')}</button>
            {message && <span className={message.ok ? 'setup__ok' : 'setup__error'} role="status" data-testid="badge-test-result">{message.text}<ErrorDetail detail={message.detail} /></span>}
          </div>
          </>
        )}
      </div>
      {settings.enabled && rendered && (
        <div className="setup__badge-preview">
          <BadgeFrame rendered={rendered} scale={Math.min(1, 60 / rendered.page.heightMm)} title={t('badge.title')} />
        </div>
      )}
    </section>
  );
}
