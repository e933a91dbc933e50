// The help-call button (issue 12): a touch (or a keypad's Enter) asks staff to
// come. The call is written to IndexedDB first (renderer/storage/help.ts), so it
// is never lost, then a heartbeat carries it to the server at once, where the
// console's Desks page flags it with a sound until staff clear it. The line
// under the button says honestly where the call is: on its way, with staff, or
// saved on an offline kiosk (then: wave to staff). Its state is announced too.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useKiosk, useBilingual } from '../ui/KioskContext';
import { useSyncStatus } from '../ui/useSync';
import { loadHelpCall, raiseHelpCall } from '../storage/help';
import { useAnnounceOnShow } from './announce';
import './a11y.css';
import { BellIcon } from './icons';

export type HelpState = 'none' | 'sending' | 'sent' | 'offline' | 'unpaired' | 'failed';

export function useHelpCall(): { state: HelpState; press(): Promise<void> } {
  const { db, sync } = useKiosk();
  const call = useLiveQuery(() => loadHelpCall(db), [db]);
  const status = useSyncStatus(sync);
  const [local, setLocal] = useState<'unpaired' | 'failed' | null>(null);
  const press = async () => {
    // Not paired: nobody upstream would ever hear it, so it is not stored (it would fire on a later pairing).
    if (!sync) {
      setLocal('unpaired');
      return;
    }
    try {
      // Real time, not a rehearsal clock: the person needs someone now.
      await raiseHelpCall(db, Date.now());
      setLocal(null);
      sync.notifyHelp();
    } catch {
      setLocal('failed');
    }
  };
  const state: HelpState = local
    ? local
    : !call
      ? 'none'
      : call.sentAt !== undefined
        ? 'sent'
        : status?.state === 'offline' || status?.state === 'error'
          ? 'offline'
          : 'sending';
  return { state, press };
}

export function HelpCallButton({ className = '' }: { className?: string }) {
  const { ko, en } = useBilingual();
  const { state, press } = useHelpCall();
  const open = state === 'sending' || state === 'sent' || state === 'offline';
  useAnnounceOnShow('verdict', state === 'none' ? null : (t) => t(`help.state.${state}`), state);
  return (
    <div className="help" data-testid="help-call" data-help-state={state}>
      <button type="button" className={`btn btn--big help__btn${open ? ' help__btn--open' : ''} ${className}`} data-testid="help-call-button" aria-pressed={open} onClick={() => void press()}>
        <BellIcon /> {ko('help.button')} · {en('help.button')}
      </button>
      {state !== 'none' && (
        <p className={`help__state help__state--${state}`} data-testid="help-call-state">
          {ko(`help.state.${state}`)}
          <br />
          <span lang="en">{en(`help.state.${state}`)}</span>
        </p>
      )}
    </div>
  );
}
