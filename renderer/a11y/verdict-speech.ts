// What is said for a verdict, in the UI language: its title and, when refused,
// why. Never the name, company or staff note: a kiosk's speaker is heard by the
// whole queue (privacy by default); the screen shows those to whoever stands there.
import type { ShownOutcome } from '../ui/useCheckIn';
import type { Message } from './announce';

export function verdictMessage(outcome: ShownOutcome): Message {
  return (t) => {
    const both = (title: string, detail: string) => t('voice.withDetail', { title: t(title), detail: t(detail) });
    if (outcome.kind === 'store_failed') {
      const kept = outcome.kept !== undefined && outcome.kept !== 'none';
      return kept ? both('verdict.storeFailedKept', 'verdict.storeFailedKeptDetail') : both('verdict.storeFailed', 'verdict.storeFailedDetail');
    }
    if (outcome.kind === 'malformed') return both('verdict.rejected', 'reason.malformed');
    const { checkIn, verdict } = outcome;
    if (checkIn.badge === 'reprint') return t('badge.reprinted');
    // As the panel: the stored verdict decides (an override admits a rule's refusal).
    if (checkIn.verdict !== 'accepted') {
      return verdict.verdict === 'rejected' ? both('verdict.rejected', `reason.${verdict.reason}`) : t('verdict.rejected');
    }
    return t(checkIn.direction === 'exit' ? 'verdict.exit' : 'verdict.accepted');
  };
}
