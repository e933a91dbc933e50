// Staff mode (behind the PIN): the chosen event day's tallies for every desk as
// far as synced, or this kiosk alone — totals, inside now at entry/exit doors,
// an hourly chart, tables per checkpoint, category, programme, desk and refusal
// reason — beside sync health and exports. Closes itself after idle minutes.
// Change PIN opens the PIN pad over it: the current PIN, then the new one twice.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayKey } from '../../core/time';
import type { Counts, DayTallies } from '../../core/tally';
import { useKiosk } from './KioskContext';
import { ExportPanel } from './ExportPanel';
import { StaffGate } from './StaffGate';
import { HourlyChart } from './HourlyChart';
import { SyncHealth } from './SyncHealth';
import { VoiceControls } from '../a11y/VoiceControls';
import { CountsTable, PairsTable, type CountRow } from './TallyTables';
import { STAFF_IDLE_MS, useIdleClose } from './useIdleClose';
import { useStaffTallies } from './useStaffTallies';

type Scope = 'all' | 'mine';

function Totals({ t: tallies, today }: { t: DayTallies; today: boolean }) {
  const { t } = useTranslation();
  const inside = tallies.insideNow.reduce((a, r) => a + r.inside, 0);
  const cards: [string, string, number][] = [
    ['people', t('staff.people'), tallies.total.uniquePeople],
    ['scans', t('staff.scans'), tallies.total.scans],
    ['accepted', t('staff.accepted'), tallies.total.accepted],
    ['rejected', t('staff.rejected'), tallies.total.rejected],
    ['exits', t('staff.exits'), tallies.total.exits],
    ['conflicts', t('staff.conflicts'), tallies.total.conflicts],
    // Counted apart: overrides are also in "admitted"; undone check-ins are in nothing else.
    ['overrides', t('staff.overrides'), tallies.overrides],
    ['voided', t('recent.voided'), tallies.voided],
  ];
  if (tallies.insideNow.length > 0) cards.push(['inside', today ? t('staff.insideNow') : t('staff.notOut'), inside]);
  return (
    <div className="totals" data-testid="staff-totals">
      {cards.map(([key, label, n]) => (
        <div key={key} className={`total total--${key}`} data-total={key} data-value={n}>
          <b>{n.toLocaleString()}</b>
          <span>{label}</span>
        </div>
      ))}
    </div>
  );
}

export function StaffScreen({ onClose }: { onClose(): void }) {
  const { config, lang, now, deviceId } = useKiosk();
  const { t } = useTranslation();
  useIdleClose(onClose);
  const today = dayKey(now(), config.event.timeZone);
  const days = useMemo(() => [...new Set([...config.event.days, today])].sort(), [config.event.days, today]);
  const [day, setDay] = useState(() => today);
  const [scope, setScope] = useState<Scope>('all');
  const [pinPad, setPinPad] = useState<'closed' | 'open' | 'changed'>('closed');
  const { data, loading, updatedAt, refresh } = useStaffTallies(day);
  // Venue time, on the kiosk's (possibly rehearsal) clock, like every other time staff see.
  const clock = useMemo(() => new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: config.event.timeZone, timeStyle: 'medium' }), [lang, config.event.timeZone]);
  const tallies = data ? (scope === 'all' ? data.all : data.mine) : undefined;

  const cpName = (id: string) => config.checkpoints.find((c) => c.id === id)?.name[lang] ?? id;
  const progName = (id: string) => config.programmes.find((p) => p.id === id)?.name[lang] ?? id;
  const rows = <T extends Counts>(list: T[], key: (r: T) => string, label: (r: T) => string): CountRow[] =>
    list.map((r) => ({ key: key(r), label: label(r), counts: r }));

  return (
    <div className="screen screen--staff" data-testid="staff-screen" data-day={day} data-scope={scope} data-loading={loading}>
      <header className="topbar">
        <h1 className="topbar__title">{t('staff.title')}</h1>
        <label className="staff__day">
          {t('staff.day')}
          <select data-testid="staff-day" value={day} onChange={(e) => setDay(e.target.value)}>
            {days.map((d) => <option key={d} value={d}>{d === today ? t('staff.dayToday', { day: d }) : d}</option>)}
          </select>
        </label>
        <div className="staff__scope" role="radiogroup">
          {(['all', 'mine'] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={scope === s} data-testid={`staff-scope-${s}`} className={`btn ${scope === s ? 'btn--on' : 'btn--ghost'}`} onClick={() => setScope(s)}>
              {s === 'all' ? t('staff.scopeAll') : t('staff.scopeMine')}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn--ghost" data-testid="staff-refresh" onClick={refresh}>{t('staff.refresh')}</button>
        <button type="button" className="btn btn--ghost" data-testid="staff-change-pin" onClick={() => setPinPad('open')}>{t('staff.changePin')}</button>
        <button type="button" className="btn" data-testid="staff-close" onClick={onClose}>{t('staff.close')}</button>
      </header>
      <main className="staff__main">
        <p className="staff__meta">
          {loading && !tallies ? t('staff.loading') : updatedAt ? t('staff.updated', { time: clock.format(updatedAt) }) : ''}
          {' · '}
          {t('staff.idle', { minutes: STAFF_IDLE_MS / 60_000 })}
          {pinPad === 'changed' && (
            <>
              {' · '}
              <b className="staff__notice" role="status" data-testid="staff-pin-changed">✓ {t('pin.changed')}</b>
            </>
          )}
        </p>
        {tallies && <Totals t={tallies} today={day === today} />}
        <div className="staff__grid">
          <div className="staff__col">
            {tallies && (
              <section className="panel">
                <h3 className="panel__title">{t('staff.byHour')}</h3>
                <HourlyChart tallies={tallies} labels={{ accepted: t('staff.accepted'), rejected: t('staff.rejected'), aria: t('staff.chartAria', { day }) }} />
              </section>
            )}
            {tallies && (
              <>
                <CountsTable testId="tally-checkpoints" title={t('staff.byCheckpoint')} head={t('staff.checkpoint')} rows={rows(tallies.byCheckpoint, (r) => r.checkpointId, (r) => cpName(r.checkpointId))} />
                {tallies.insideNow.length > 0 && (
                  <PairsTable testId="tally-inside" title={day === today ? t('staff.insideNow') : t('staff.notOut')} head={t('staff.checkpoint')} valueHead={t('staff.people')} rows={tallies.insideNow.map((r) => ({ key: r.checkpointId, label: cpName(r.checkpointId), value: r.inside }))} />
                )}
                <CountsTable testId="tally-categories" title={t('staff.byCategory')} head={t('staff.category')} rows={rows(tallies.byCategory, (r) => r.category, (r) => (r.category === 'unknown' ? '—' : t(`category.${r.category}`)))} />
                <CountsTable testId="tally-programmes" title={t('staff.byProgramme')} head={t('staff.programme')} rows={rows(tallies.byProgramme, (r) => r.programmeId, (r) => progName(r.programmeId))} />
              </>
            )}
          </div>
          <div className="staff__col">
            <ExportPanel day={day} tallies={data?.all} />
            <SyncHealth />
            <section className="panel">
              <h3 className="panel__title">{t('voice.controls')}</h3>
              <VoiceControls />
            </section>
            {tallies && (
              <>
                <PairsTable testId="tally-reasons" title={t('staff.byReason')} head={t('staff.reason')} valueHead={t('staff.count')} rows={tallies.byReason.map((r) => ({ key: r.reason, label: t(`reason.${r.reason}`, { defaultValue: r.reason }), value: r.count }))} />
                <CountsTable testId="tally-devices" title={t('staff.byDevice')} head={t('staff.device')} rows={rows(tallies.byDevice, (r) => r.deviceId, (r) => (r.deviceId === deviceId ? t('staff.thisKiosk', { device: r.deviceId }) : r.deviceId))} />
                <CountsTable testId="tally-hours" title={t('staff.byHour')} head="h" rows={rows(tallies.byHour, (r) => String(r.hour), (r) => `${String(r.hour).padStart(2, '0')}:00`)} />
              </>
            )}
          </div>
        </div>
      </main>
      {pinPad === 'open' && (
        <div className="overlay">
          <StaffGate change onDone={() => setPinPad('changed')} onCancel={() => setPinPad('closed')} />
        </div>
      )}
    </div>
  );
}
