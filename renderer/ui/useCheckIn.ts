// Turns a scanned string into a shown verdict: record it durably (storage; when
// paired and reachable, the server decides first — sync/online-decide), then
// show it and play its sound. A newer scan always replaces the shown verdict at
// once; an older scan finishing late never overwrites a newer one. At a desk that
// prints badges, printing is the check-in: the record is stored marked `printed`
// (first badge of that ticket) or `reprint` (staff, behind the PIN), and once the
// verdict is shown its badge prints (renderer/badge).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanOutcome } from '../storage/checkin';
import { checkIn as recordCheckIn } from '../sync/online-decide';
import type { Override } from '../../core/model';
import { getPlatform } from '../platform';
import { loadBadgeSettings, printBadgeFor } from '../badge';
import { useKiosk } from './KioskContext';
import { useBadgeSettings } from './BadgeDesk';
import { playSound } from './sounds';

export type ShownOutcome = ScanOutcome & { at: number; seq: number };

export interface CheckInOptions {
  /** Staff reprint of this ticket's badge (after the staff PIN): the record is marked `reprint`. */
  badge?: 'reprint';
}

export function useCheckIn() {
  const { db, config, deviceId, session, now, sync, rehearsal, storage } = useKiosk();
  const [outcome, setOutcome] = useState<ShownOutcome | null>(null);
  const seq = useRef(0);
  const shown = useRef(0);
  const badgeSettings = useBadgeSettings(db);
  const badges = useRef(badgeSettings);
  useEffect(() => {
    badges.current = badgeSettings;
  }, [badgeSettings]);

  const checkIn = useCallback(
    async (raw: string, override?: Override, opts: CheckInOptions = {}): Promise<ScanOutcome | undefined> => {
      const checkpoint = config.checkpoints.find((c) => c.id === session?.checkpointId);
      if (!checkpoint || !session) return undefined;
      // Read before the scan when the live query has not answered yet (a scan right after start).
      const printing = badges.current ?? (await loadBadgeSettings(db));
      if (opts.badge === 'reprint' && !printing.enabled) return undefined;
      const badge = opts.badge === 'reprint' ? 'reprint' : printing.enabled ? 'print' : undefined;
      const mine = ++seq.current;
      const result = await recordCheckIn(db, sync, {
        raw,
        checkpoint,
        timeZone: config.event.timeZone,
        deviceId,
        direction: session.direction,
        override,
        ...(badge ? { badge } : {}),
        now: now(),
        // Electron: the fsync'd on-disk journal is the second copy (absent in a browser).
        journal: getPlatform().journal,
        // A rehearsal clock is the kiosk's own: the server would judge by today's date.
      }, { online: !rehearsal });
      if (mine >= shown.current) {
        shown.current = mine;
        setOutcome({ ...result, at: Date.now(), seq: mine });
        const sound = soundFor(result);
        if (sound) playSound(sound);
      }
      if (result.kind === 'stored' && result.checkIn.badge && result.ticket && printing.enabled) {
        // After the verdict: the badge never delays it, and its outcome shows on the verdict.
        void printBadgeFor(result.ticket, {
          db,
          checkInId: result.checkIn.id,
          event: config.event.name,
          settings: printing,
          reprint: result.checkIn.badge === 'reprint',
        });
      }
      // Writes are what fill a disk: look again (throttled), after the verdict is on its way.
      storage?.nudge();
      return result;
    },
    [db, config, deviceId, session, now, sync, rehearsal, storage],
  );

  const clear = useCallback(() => setOutcome(null), []);
  /** Shows an outcome recorded elsewhere (a walk-in's check-in) as the newest verdict, with its sound. */
  const show = useCallback((result: ScanOutcome) => {
    const mine = ++seq.current;
    shown.current = mine;
    setOutcome({ ...result, at: Date.now(), seq: mine });
    const sound = soundFor(result);
    if (sound) playSound(sound);
  }, []);
  return { outcome, checkIn, clear, show };
}

function soundFor(result: ScanOutcome): Parameters<typeof playSound>[0] | null {
  if (result.kind !== 'stored') return 'rejected';
  // A reprint is staff at work, not a person at the door: no verdict sound.
  if (result.checkIn.badge === 'reprint') return null;
  if (result.checkIn.verdict !== 'accepted') return 'rejected';
  if (result.verdict.attention) return 'attention';
  return result.checkIn.direction === 'exit' ? 'exit' : 'accepted';
}
