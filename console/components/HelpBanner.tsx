// The help call on every console page (issue 12): while any kiosk of the chosen
// event is calling for help, a red banner above the page names each calling desk
// and its checkpoint, with a link to the Desks page (where the call is cleared),
// and the chime (HelpCalls.tsx) sounds once for each call the console has not
// seen before — whichever page is open. Lives in the shell, so it outlasts page
// changes: moving between pages never chimes an old call again. On the Desks
// page the full list (HelpCalls) shows instead of the banner.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DevicesResponse, type EventBundle } from '../../core/protocol';
import { call, enc } from '../api';
import { localized } from '../format';
import { useLoad } from '../hooks';
import { chime } from './HelpCalls';

/** How often the shell asks for open calls (the Desks page polls as often). */
export const HELP_POLL_MS = 5000;

export function HelpBanner({ bundle, hidden }: { bundle: EventBundle | undefined; hidden: boolean }) {
  const { t, i18n } = useTranslation();
  const eventId = bundle?.event.id;
  const list = useLoad(() => (eventId ? call(DevicesResponse, `/v1/admin/devices?eventId=${enc(eventId)}`) : Promise.resolve({ devices: [] })), [eventId], HELP_POLL_MS);
  // Back from Desks (where a call may just have been cleared): ask again at once.
  const { reload } = list;
  useEffect(() => {
    if (!hidden) reload();
  }, [hidden, reload]);
  const open = (list.data?.devices ?? []).filter((d) => d.help && !d.revoked);
  const seen = useRef(new Set<string>());
  const ids = open.map((d) => d.help!.id).join(',');
  useEffect(() => {
    const fresh = ids ? ids.split(',').filter((id) => !seen.current.has(id)) : [];
    fresh.forEach((id) => seen.current.add(id));
    if (fresh.length) chime();
  }, [ids]);
  if (hidden || open.length === 0 || !bundle) return null;

  const where = (checkpointId: string | null | undefined) =>
    checkpointId ? localized(bundle.checkpoints.find((c) => c.id === checkpointId)?.name, i18n.language, checkpointId) : '—';
  return (
    <div className="help-calls help-banner no-print" role="alert" data-testid="help-banner">
      <strong>🛎 {t('devices.help.title', { count: open.length })}</strong>
      <ul>
        {open.map((d) => (
          <li key={d.id} data-device={d.id}>
            {t('devices.help.banner', { name: d.name, checkpoint: where(d.checkpointId) })}
          </li>
        ))}
      </ul>
      <a href="#/devices" data-testid="help-banner-link">
        {t('devices.help.open')}
      </a>
    </div>
  );
}
