// Turns a scanned string into a shown verdict: record it durably (storage; when
// paired and reachable, the server decides first — sync/online-decide), then
// show it and play its sound. A newer scan always replaces the shown verdict at
// once; an older scan finishing late never overwrites a newer one.
import { useCallback, useRef, useState } from 'react';
import type { ScanOutcome } from '../storage/checkin';
import { checkIn as recordCheckIn } from '../sync/online-decide';
import type { Override } from '../../core/model';
import { getPlatform } from '../platform';
import { useKiosk } from './KioskContext';
import { playSound } from './sounds';

export type ShownOutcome = ScanOutcome & { at: number; seq: number };

export function useCheckIn() {
  const { db, config, deviceId, session, now, sync, rehearsal, storage } = useKiosk();
  const [outcome, setOutcome] = useState<ShownOutcome | null>(null);
  const seq = useRef(0);
  const shown = useRef(0);

  const checkIn = useCallback(
    async (raw: string, override?: Override): Promise<ScanOutcome | undefined> => {
      const checkpoint = config.checkpoints.find((c) => c.id === session?.checkpointId);
      if (!checkpoint || !session) return undefined;
      const mine = ++seq.current;
      const result = await recordCheckIn(db, sync, {
        raw,
        checkpoint,
        timeZone: config.event.timeZone,
        deviceId,
        direction: session.direction,
        override,
        now: now(),
        // Electron: the fsync'd on-disk journal is the second copy (absent in a browser).
        journal: getPlatform().journal,
        // A rehearsal clock is the kiosk's own: the server would judge by today's date.
      }, { online: !rehearsal });
      if (mine >= shown.current) {
        shown.current = mine;
        setOutcome({ ...result, at: Date.now(), seq: mine });
        playSound(soundFor(result));
      }
      // Writes are what fill a disk: look again (throttled), after the verdict is on its way.
      storage?.nudge();
      return result;
    },
    [db, config, deviceId, session, now, sync, rehearsal, storage],
  );

  const clear = useCallback(() => setOutcome(null), []);
  return { outcome, checkIn, clear };
}

function soundFor(result: ScanOutcome): Parameters<typeof playSound>[0] {
  if (result.kind !== 'stored') return 'rejected';
  if (result.checkIn.verdict !== 'accepted') return 'rejected';
  if (result.verdict.attention) return 'attention';
  return result.checkIn.direction === 'exit' ? 'exit' : 'accepted';
}
