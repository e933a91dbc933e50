// The way into staff mode: the PIN pad. With no PIN on the kiosk yet it asks
// for a new one twice (and registers it with the Electron shell, which checks
// it on quit); otherwise it checks the PIN against its PBKDF2 hash, shows how
// many tries are left, and after five wrong ones counts down the lock, which a
// reload does not lift (renderer/storage/staff-pin.ts). With `change` (staff
// mode's Change PIN) it asks for the current PIN — same tries and lock — then
// the new one twice.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPlatform } from '../platform';
import { checkStaffPin, hasStaffPin, pinLock, setStaffPin } from '../storage/staff-pin';
import { useKiosk } from './KioskContext';
import { PinPad } from './PinPad';
import { useIdleClose } from './useIdleClose';

type Mode = 'loading' | 'enter' | 'set' | 'confirm' | 'busy';

interface Props {
  /** Called once the PIN was right (or a new one was set). */
  onDone(): void;
  onCancel(): void;
  /** Only set a PIN (setup), never ask for the current one. */
  setOnly?: boolean;
  /** Change the PIN: the current one first, then the new one twice. */
  change?: boolean;
  /** What the PIN is for, when it is not staff mode (e.g. a badge reprint). */
  purpose?: string;
}

function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function StaffGate({ onDone, onCancel, setOnly = false, change = false, purpose }: Props) {
  const { db } = useKiosk();
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('loading');
  const [pin, setPin] = useState('');
  const [first, setFirst] = useState('');
  // The current PIN, once checked, in change mode: the Electron shell wants it to take the new one.
  const [current, setCurrent] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; reason: string } | null>(null);
  const [lockedUntil, setLockedUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  // A pad left open (or left locked) goes back by itself.
  useIdleClose(onCancel, 60_000);

  useEffect(() => {
    let live = true;
    void Promise.all([hasStaffPin(db), pinLock(db)]).then(([has, lock]) => {
      if (!live) return;
      setMode(has && !setOnly ? 'enter' : 'set');
      setLockedUntil(lock.lockedUntil);
    });
    return () => {
      live = false;
    };
  }, [db, setOnly]);

  const locked = mode === 'enter' && lockedUntil > now;
  useEffect(() => {
    if (!locked) return undefined;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [locked]);

  const submit = async () => {
    const entered = pin;
    setPin('');
    if (mode === 'set') {
      setFirst(entered);
      setMessage(null);
      setMode('confirm');
      return;
    }
    if (mode === 'confirm') {
      if (entered !== first) {
        setFirst('');
        setMessage({ text: t('pin.mismatch'), reason: 'mismatch' });
        setMode('set');
        return;
      }
      setMode('busy');
      await setStaffPin(db, entered);
      // The Electron shell keeps its own copy to check on quit; a browser has none.
      void getPlatform().setStaffPin(entered, current ?? undefined);
      onDone();
      return;
    }
    setMode('busy');
    const result = await checkStaffPin(db, entered);
    setNow(Date.now());
    setMode('enter');
    if (result.ok && change) {
      setCurrent(entered);
      setMessage(null);
      setMode('set');
      return;
    }
    if (result.ok) {
      onDone();
      return;
    }
    if (result.reason === 'not_set') {
      setMode('set');
      return;
    }
    setLockedUntil(result.until);
    if (result.reason === 'wrong') {
      setMessage(result.left > 0 ? { text: t('pin.wrong', { count: result.left }), reason: 'wrong' } : { text: t('pin.wrongLocked'), reason: 'wrong' });
    } else setMessage(null);
  };

  const title =
    mode === 'set' ? (change ? t('pin.new') : t('pin.set')) : mode === 'confirm' ? t('pin.confirm') : change ? t('pin.current') : t('pin.enter');
  return (
    <div className="screen screen--pin" data-testid="staff-gate" data-mode={mode} data-change={change || undefined}>
      <header className="topbar">
        <h1 className="topbar__title">{change ? t('pin.change') : t('staff.title')}</h1>
        <button type="button" className="btn btn--ghost" data-testid="pin-cancel" onClick={onCancel}>
          {t('pin.cancel')}
        </button>
      </header>
      <main className="pin__main">
        {purpose && <p className="pin__purpose" data-testid="pin-purpose">{purpose}</p>}
        <h2 className="pin__title">{mode === 'busy' ? t('pin.checking') : title}</h2>
        {locked ? (
          <p className="pin__message pin__message--locked" role="alert" data-testid="pin-locked" data-until={lockedUntil}>
            {t('pin.locked', { time: mmss(lockedUntil - now) })}
          </p>
        ) : (
          <p className="pin__message" role="alert" data-testid="pin-message" data-reason={message?.reason ?? ''}>
            {message?.text ?? '\u00a0'}
          </p>
        )}
        <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} disabled={mode === 'loading' || mode === 'busy' || locked} />
      </main>
    </div>
  );
}
