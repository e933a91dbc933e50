// Self-service mode (issue 12): the kiosk as attendees use it on their own. App
// switches here when the device's session says `selfService`; nothing of the
// desk UI (recent strip, search list, staff buttons) is ever rendered, so no
// stranger's name reaches this DOM. Between people the attract screen shows;
// a touch or a scan starts a session, and every session is its own React
// subtree (keyed), so ending it — by "Done", by the idle countdown — wipes all
// it held: verdict, typed text, selection, chosen language. The only way out
// of this mode is the staff PIN. A display mode the person chose on the attract
// screen is theirs alone: ending the session (or leaving this mode) puts the
// device's configured modes back.
import { useCallback, useEffect, useRef, useState } from 'react';
import { looksLikePairingLink } from '../../sync/pairing';
import { useKiosk } from '../KioskContext';
import { restoreDeviceDisplayModes } from '../a11y/DisplayModes';
import { StaffGate } from '../StaffGate';
import { useWedge } from '../useWedge';
import { AttractScreen } from './AttractScreen';
import { SelfBadgeNotice } from './BadgeNotice';
import { SelfSession } from './SelfSession';
import { memoryLookupGuard } from './lookup';
import './self.css';
import './self-modes.css';

type Phase = { kind: 'attract' } | { kind: 'session'; no: number; firstCode?: string; byName?: boolean } | { kind: 'staff' };

export function SelfService({ onLeave }: { onLeave(): void }) {
  const { lang, setLang } = useKiosk();
  const [phase, setPhase] = useState<Phase>({ kind: 'attract' });
  const sessions = useRef(0);
  // The language the device was set to: each new person starts from it.
  const homeLang = useRef(lang);
  const scanInto = useRef<((code: string) => void) | null>(null);
  // Lookup misses are the device's, not a session's: a new session is one touch away.
  const [lookupGuard] = useState(memoryLookupGuard);

  const start = useCallback((opts: { firstCode?: string; byName?: boolean } = {}) => {
    sessions.current += 1;
    setPhase({ kind: 'session', no: sessions.current, ...opts });
  }, []);
  const end = useCallback(() => {
    scanInto.current = null;
    setLang(homeLang.current);
    restoreDeviceDisplayModes();
    setPhase({ kind: 'attract' });
  }, [setLang]);
  useEffect(() => restoreDeviceDisplayModes, []);

  useWedge((code) => {
    // A pairing link is never a check-in, and a self-service kiosk never re-pairs.
    if (looksLikePairingLink(code)) return;
    if (phase.kind === 'session' && scanInto.current) scanInto.current(code);
    // A session a digit key just started (its first keys) may not listen yet: a session of its own.
    else if (phase.kind !== 'staff') start({ firstCode: code });
  }, phase.kind !== 'staff');

  if (phase.kind === 'staff') {
    return <StaffGate onDone={onLeave} onCancel={end} />;
  }
  if (phase.kind === 'session') {
    return (
      <SelfSession
        key={phase.no}
        firstCode={phase.firstCode}
        byName={phase.byName}
        lookupGuard={lookupGuard}
        onEnd={end}
        registerScan={(fn) => {
          scanInto.current = fn;
        }}
      />
    );
  }
  return (
    <div className="self-badge-wrap">
      <SelfBadgeNotice />
      <AttractScreen
        onStart={(opts) => {
          if (opts.lang) setLang(opts.lang);
          start({ byName: opts.byName });
        }}
        onStaff={() => setPhase({ kind: 'staff' })}
      />
    </div>
  );
}
