// On the setup screen: asks for a staff PIN while the kiosk has none (no silent
// default such as 0000), opening the PIN pad over the screen; once set it only
// says so. Changing it needs staff mode's PIN pad flow (not offered here).
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { hasStaffPin } from '../storage/staff-pin';
import { useKiosk } from './KioskContext';
import { StaffGate } from './StaffGate';

export function StaffPinNotice() {
  const { db } = useKiosk();
  const { t } = useTranslation();
  const has = useLiveQuery(() => hasStaffPin(db), [db]);
  const [open, setOpen] = useState(false);
  if (has === undefined) return null;
  return (
    <>
      {has ? (
        <p className="setup__pin setup__pin--set" data-testid="staff-pin-set">✓ {t('pin.isSet')}</p>
      ) : (
        <div className="setup__pin" role="alert" data-testid="staff-pin-missing">
          <span>{t('pin.notSet')}</span>
          <button type="button" className="btn" data-testid="set-staff-pin" onClick={() => setOpen(true)}>{t('pin.setNow')}</button>
        </div>
      )}
      {open && (
        <div className="overlay">
          <StaffGate setOnly onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
        </div>
      )}
    </>
  );
}
