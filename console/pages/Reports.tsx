// Reports: a day picker (opening on today while the event runs, else on the
// latest day with scans), the day's totals, an hourly chart, tables per
// checkpoint, category and refusal reason, conflicts pair by pair, the event's
// walk-ins (possible duplicates first), and the
// event's check-in exports. Today's figures refresh themselves.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictsResponse, DevicesResponse, EventDaysResponse, TalliesResponse, WalkInsResponse, type EventBundle } from '../../core/protocol';
import { call, enc } from '../api';
import { Conflicts } from '../components/Conflicts';
import { WalkIns } from '../components/WalkIns';
import { CountTable } from '../components/CountTable';
import { HourChart } from '../components/HourChart';
import { useConsole } from '../context';
import { localized } from '../format';
import { useLoad } from '../hooks';
import { defaultReportDay, reportDays } from '../report-day';
import { NoEvent } from './NoEvent';

export function ReportsPage() {
  const { event } = useConsole();
  return event ? <Reports key={event.event.id} bundle={event} /> : <NoEvent />;
}

function Reports({ bundle }: { bundle: EventBundle }) {
  const { t, i18n } = useTranslation();
  const id = bundle.event.id;
  const tz = bundle.event.timeZone;
  const days = useLoad(() => call(EventDaysResponse, `/v1/admin/events/${enc(id)}/days`), [id]);
  const [picked, setPicked] = useState<string>();
  const day = picked ?? (days.data ? defaultReportDay(bundle.event.days, days.data.today, days.data.days) : undefined);
  const live = day !== undefined && day === days.data?.today ? 10_000 : undefined;
  const tallies = useLoad(() => (day ? call(TalliesResponse, `/v1/admin/events/${enc(id)}/tallies?day=${day}`) : Promise.resolve(undefined)), [id, day], live);
  const conflicts = useLoad(() => (day ? call(ConflictsResponse, `/v1/admin/events/${enc(id)}/conflicts?day=${day}`) : Promise.resolve(undefined)), [id, day], live);
  const devices = useLoad(() => call(DevicesResponse, `/v1/admin/devices?eventId=${enc(id)}`), [id]);
  const walkIns = useLoad(() => call(WalkInsResponse, `/v1/admin/events/${enc(id)}/walkins`), [id], live);

  const cpName = (cid: string) => localized(bundle.checkpoints.find((c) => c.id === cid)?.name, i18n.language, cid);
  const devName = (did: string) => devices.data?.devices.find((d) => d.id === did)?.name ?? did.slice(0, 8);
  const tl = tallies.data;
  const totals = tl
    ? ([
        ['people', tl.total.uniquePeople],
        ['scans', tl.total.scans],
        ['accepted', tl.total.accepted],
        ['rejected', tl.total.rejected],
        ['exits', tl.total.exits],
        ['conflicts', tl.total.conflicts],
        ...(tl.overrides !== undefined ? [['overrides', tl.overrides] as const] : []),
      ] as const)
    : [];

  return (
    <section className="reports" data-testid="reports" data-day={day ?? ''}>
      <div className="toolbar">
        <h2>{t('reports.title')}</h2>
        <label>
          {t('reports.day')}{' '}
          <select data-testid="day-select" value={day ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {days.data &&
              reportDays(bundle.event.days, days.data.today, days.data.days).map((d) => {
                const n = days.data?.days.find((x) => x.day === d)?.scans ?? 0;
                return (
                  <option key={d} value={d}>
                    {t(d === days.data?.today ? 'reports.dayOptionToday' : 'reports.dayOption', { day: d, count: n, scans: n.toLocaleString() })}
                  </option>
                );
              })}
          </select>
        </label>
        <span className="spacer" />
        <a className="button" data-testid="export-csv" href={`/v1/admin/events/${enc(id)}/export.csv`} download>
          {t('reports.exportCsv')}
        </a>
        <a className="button" data-testid="export-xlsx" href={`/v1/admin/events/${enc(id)}/export.xlsx`} download>
          {t('reports.exportXlsx')}
        </a>
      </div>
      {(tallies.error || days.error) && <p className="error" role="alert">{tallies.error ?? days.error}</p>}
      {tl && (
        <>
          <div className="totals">
            {totals.map(([key, n]) => (
              <div key={key} className="total" data-total={key}>
                <b>{n.toLocaleString()}</b>
                <span>{t(`reports.total.${key}`)}</span>
              </div>
            ))}
            {(tl.insideNow ?? []).map((r) => (
              <div key={r.checkpointId} className="total" data-total={`inside-${r.checkpointId}`}>
                <b>{r.inside.toLocaleString()}</b>
                <span>{t('reports.insideAt', { checkpoint: cpName(r.checkpointId) })}</span>
              </div>
            ))}
          </div>
          <h3>{t('reports.byHour', { zone: tz })}</h3>
          <HourChart byHour={tl.byHour} />
          <div className="two-col">
            <div>
              <h3>{t('reports.byCheckpoint')}</h3>
              <CountTable testId="by-checkpoint" title={t('common.checkpoint')} rows={tl.byCheckpoint} label={(r) => cpName(r.checkpointId)} />
            </div>
            <div>
              <h3>{t('reports.byCategory')}</h3>
              <CountTable testId="by-category" title={t('ticket.category')} rows={tl.byCategory} label={(r) => t(`category.${r.category}`, { defaultValue: r.category })} />
            </div>
          </div>
          {(tl.byReason ?? []).length > 0 && (
            <>
              <h3>{t('reports.byReason')}</h3>
              <ul className="reasons" data-testid="by-reason">
                {(tl.byReason ?? []).map((r) => (
                  <li key={r.reason} data-reason={r.reason}>
                    {t(`reason.${r.reason}`, { defaultValue: r.reason })}: <b>{r.count.toLocaleString()}</b>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <h3>{t('reports.conflicts')}</h3>
      {conflicts.data && <Conflicts items={conflicts.data.items} timeZone={tz} checkpointName={cpName} deviceName={devName} />}
      <h3>{t('walkIns.title')}</h3>
      {walkIns.data && <WalkIns items={walkIns.data.items} timeZone={tz} deviceName={devName} />}
    </section>
  );
}
