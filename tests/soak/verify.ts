// The soak's closing count: exact invariants over what the server holds and
// what every desk holds, no timing in any of them.
//  - the server's rows are exactly the union of the desks' own check-ins, each
//    once, each as the desk recorded it;
//  - every outbox is empty and every desk holds every row with the server's status;
//  - conflicts: every admission the checkpoint's rule refuses, given every
//    check-in scanned before it (batch, over the final union), is marked
//    `conflict`; a row marked beyond that is one an exit arriving later would
//    have cleared (rows only ever go stored → conflict);
//  - every void (undo) a desk made is upstream exactly once, and a voided
//    check-in counts nowhere: not in the rules' history, not in the tallies
//    (only in `voided`), and the export says it was voided;
//  - the organiser's tallies (every replica's) and export say the same.
// The rule itself is server/repo/conflicts.ts's isConflict, i.e. core's decide():
// what is checked here is the incremental marking under faults against the batch.

import Papa from 'papaparse';
import { demoEvent } from '../../core/demo/event';
import type { TalliesResponse } from '../../core/protocol';
import { before, isConflict, type Admission } from '../../server/repo/conflicts';
import type { ServerRow, ServerVoid } from './backends';
import type { KioskCheck, KioskReport, KioskStatus } from './farm';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Closing {
  rows: ServerRow[];
  voids: ServerVoid[];
  reports: KioskReport[];
  checks: KioskCheck[];
  statuses: KioskStatus[];
  /** Per server (replica), per day: the tallies it answers. */
  tallies: Map<string, TalliesResponse>[];
  exportCsv: string;
}

const TZ = demoEvent.event.timeZone;
const CHECKPOINTS = new Map(demoEvent.checkpoints.map((c) => [c.id, c]));

const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });
const sample = (xs: string[]) => (xs.length ? ` e.g. ${xs.slice(0, 3).join('; ')}` : '');

/**
 * Conflicts as the rules define them over the final union, voided check-ins
 * left out; and those kept after a late exit, or after a late void (an
 * earlier admission voided only after this one was judged: rows never go back).
 */
export function expectedConflicts(rows: ServerRow[], voids: ServerVoid[] = []): { rule: Set<string>; lateExit: Set<string>; lateVoid: Set<string>; unexplained: string[] } {
  const byCode = new Map<string, Admission[]>();
  const seqOf = new Map(rows.map((r) => [r.id, r.seq]));
  const voidSeq = new Map(voids.map((v) => [v.checkin_id, v.seq]));
  const voided = new Map<string, Admission[]>();
  for (const r of rows) {
    if (r.verdict !== 'accepted') continue;
    const a: Admission = {
      id: r.id,
      checkpointId: r.checkpoint_id,
      direction: r.direction as Admission['direction'],
      verdict: 'accepted',
      scannedAt: r.scanned_at,
      ms: r.scanned_at_ms,
      override: r.override_by !== null,
      status: 'stored',
    };
    if (voidSeq.has(r.id)) voided.set(r.code, [...(voided.get(r.code) ?? []), a]);
    else byCode.set(r.code, [...(byCode.get(r.code) ?? []), a]);
  }
  const rule = new Set<string>();
  for (const history of byCode.values()) {
    for (const a of history) {
      const cp = CHECKPOINTS.get(a.checkpointId);
      if (cp && isConflict(a, cp, TZ, history)) rule.add(a.id);
    }
  }
  const lateExit = new Set<string>();
  const lateVoid = new Set<string>();
  const unexplained: string[] = [];
  for (const r of rows) {
    // A voided check-in counts nowhere: whatever it was marked, nobody reads it.
    if (r.status !== 'conflict' || rule.has(r.id) || voidSeq.has(r.id)) continue;
    const undone = (voided.get(r.code) ?? []).some((v) => v.checkpointId === r.checkpoint_id && before(v, { ms: r.scanned_at_ms, id: r.id }) && voidSeq.get(v.id)! > r.seq);
    if (undone) {
      lateVoid.add(r.id);
      continue;
    }
    // Marked when it arrived (or re-marked, which gave it a new seq); an exit
    // scanned before it that reached the server only later would have cleared it.
    const history = byCode.get(r.code) ?? [];
    const late = history.some(
      (e) => e.direction === 'exit' && e.checkpointId === r.checkpoint_id && before(e, { ms: r.scanned_at_ms, id: r.id }) && seqOf.get(e.id)! > r.seq,
    );
    if (late) lateExit.add(r.id);
    else unexplained.push(r.id);
  }
  return { rule, lateExit, lateVoid, unexplained };
}

/** One ticket's rows in arrival order, for a failure message. */
export function historyOf(rows: ServerRow[], code: string): string {
  return rows
    .filter((r) => r.code === code)
    .map((r) => `[seq ${r.seq} ${r.checkpoint_id} ${r.direction} ${r.verdict}${r.reason ? `/${r.reason}` : ''} ${r.scanned_at} ${r.status} ${r.device_id.slice(0, 4)} ${r.id.slice(-6)}]`)
    .join(' ');
}

/** What the tallies' totals must be for a day, counted from the rows (voided ones counted nowhere). */
function expectedTotal(rows: ServerRow[]) {
  const people = new Set<string>();
  let accepted = 0;
  let rejected = 0;
  let exits = 0;
  let conflicts = 0;
  for (const r of rows) {
    if (r.verdict === 'rejected') rejected++;
    else if (r.direction === 'exit') exits++;
    else {
      accepted++;
      people.add(r.code);
      if (r.status === 'conflict') conflicts++;
    }
  }
  return { scans: rows.length, accepted, rejected, exits, conflicts, uniquePeople: people.size };
}

export function verify(c: Closing): Check[] {
  const out: Check[] = [];
  const ids = c.rows.map((r) => r.id);
  const server = new Map(c.rows.map((r) => [r.id, r]));
  const own = c.reports.flatMap((k) => k.own.map((row) => ({ ...row, deviceId: k.deviceId })));
  const ownIds = own.map((r) => r.id);
  const unionSet = new Set(ownIds);
  const lost = ownIds.filter((id) => !server.has(id));
  const foreign = ids.filter((id) => !unionSet.has(id));
  out.push(
    check(
      'server holds exactly the union of the desks\' check-ins, each once',
      new Set(ids).size === ids.length && unionSet.size === ownIds.length && lost.length === 0 && foreign.length === 0 && ids.length === ownIds.length,
      `${ids.length} rows on the server, ${ownIds.length} made by desks; lost ${lost.length}, not made by any desk ${foreign.length}, doubled ${ids.length - new Set(ids).size}${sample([...lost, ...foreign])}`,
    ),
  );

  const phantom = c.reports.flatMap((k) => {
    const mine = new Set(k.own.map((r) => r.id));
    const made = new Set(k.created);
    return [...k.created.filter((id) => !mine.has(id)), ...k.own.map((r) => r.id).filter((id) => !made.has(id))];
  });
  out.push(check('every stored scan is the desk\'s own row, and no other', phantom.length === 0, `${phantom.length} mismatched${sample(phantom)}`));

  const differs = own.filter((r) => {
    const s = server.get(r.id);
    return s && (s.code !== r.code || s.checkpoint_id !== r.checkpointId || s.direction !== r.direction || s.verdict !== r.verdict || s.scanned_at !== r.scannedAt || s.device_id !== r.deviceId);
  });
  out.push(check('every row upstream is the check-in as the desk recorded it', differs.length === 0, `${differs.length} differ${sample(differs.map((r) => r.id))}`));

  const full = c.statuses.filter((s) => s.outbox !== 0 || s.stopped);
  out.push(check('every outbox empty, no desk stopped', full.length === 0, full.length ? full.map((s) => `#${s.index}: ${s.outbox}${s.stopped ? ' stopped' : ''}`).join(', ') : `${c.statuses.length} desks`));

  const behind = c.checks.filter((k) => k.missing || k.wrongStatus || k.extra);
  out.push(
    check(
      'every desk holds every row with the server\'s status',
      behind.length === 0,
      behind.length ? behind.map((k) => `#${k.index}: missing ${k.missing}, status ${k.wrongStatus}, extra ${k.extra} ${k.samples.join(' ')}`).join('; ') : `${c.checks.length} desks × ${ids.length} rows`,
    ),
  );

  // Voids: each a desk made is upstream once, names that desk's own check-in, one per check-in.
  const deskVoids = c.reports.flatMap((k) => k.voids.map((v) => ({ ...v, deviceId: k.deviceId })));
  const upstream = new Map(c.voids.map((v) => [v.id, v]));
  const voidLost = deskVoids.filter((v) => {
    const u = upstream.get(v.id);
    return !u || u.checkin_id !== v.checkinId || u.device_id !== v.deviceId || server.get(v.checkinId)?.device_id !== v.deviceId;
  });
  const deskVoidIds = new Set(deskVoids.map((v) => v.id));
  const voidForeign = c.voids.filter((v) => !deskVoidIds.has(v.id));
  const voidedIds = c.voids.map((v) => v.checkin_id);
  const voidDoubled = c.voids.length - upstream.size + (voidedIds.length - new Set(voidedIds).size);
  out.push(
    check(
      'every void (undo) upstream exactly once, of its desk\'s own check-in',
      deskVoids.length > 0 && voidLost.length === 0 && voidForeign.length === 0 && voidDoubled === 0 && c.voids.length === deskVoids.length,
      `${c.voids.length} voids upstream, ${deskVoids.length} made by desks; lost or wrong ${voidLost.length}, not made by any desk ${voidForeign.length}, doubled ${voidDoubled}${sample([...voidLost.map((v) => v.id), ...voidForeign.map((v) => v.id)])}`,
    ),
  );
  const voidedSet = new Set(voidedIds);

  const conflicts = expectedConflicts(c.rows, c.voids);
  const marked = c.rows.filter((r) => r.status === 'conflict').map((r) => r.id);
  const missed = [...conflicts.rule].filter((id) => server.get(id)?.status !== 'conflict');
  out.push(check('every conflict the rules define is marked', missed.length === 0 && conflicts.rule.size > 0, `${conflicts.rule.size} by the rules, ${marked.length} marked, missed ${missed.length}${sample(missed)}`));
  out.push(
    check(
      'conflicts beyond the rules only where an exit or a void arrived later',
      conflicts.unexplained.length === 0,
      `${conflicts.lateExit.size} kept after a late exit, ${conflicts.lateVoid.size} after a late void, unexplained ${conflicts.unexplained.length}${sample(conflicts.unexplained)}${conflicts.unexplained.length ? ` — history of the first: ${historyOf(c.rows, server.get(conflicts.unexplained[0]!)!.code)}` : ''}`,
    ),
  );

  const days = [...new Set(c.rows.map((r) => r.day))].sort();
  const tallyErrors: string[] = [];
  for (const day of days) {
    const ofDay = c.rows.filter((r) => r.day === day);
    const want = expectedTotal(ofDay.filter((r) => !voidedSet.has(r.id)));
    const wantVoided = ofDay.filter((r) => voidedSet.has(r.id)).length;
    c.tallies.forEach((perDay, i) => {
      const got = perDay.get(day);
      if (JSON.stringify(got?.total) !== JSON.stringify(want)) tallyErrors.push(`server ${i} ${day}: ${JSON.stringify(got?.total)} ≠ ${JSON.stringify(want)}`);
      if (got?.voided !== wantVoided) tallyErrors.push(`server ${i} ${day}: voided ${got?.voided} ≠ ${wantVoided}`);
    });
    if (c.tallies.length > 1 && c.tallies.some((t) => JSON.stringify(t.get(day)) !== JSON.stringify(c.tallies[0]!.get(day)))) {
      tallyErrors.push(`${day}: replicas disagree`);
    }
  }
  out.push(
    check(
      `tallies equal the rows, voided ones only as voided (${days.join(', ')})${c.tallies.length > 1 ? ', on every replica' : ''}`,
      tallyErrors.length === 0,
      tallyErrors.join('; ') || `${days.length} days × ${c.tallies.length} servers; ${voidedSet.size} voided`,
    ),
  );

  const csv = Papa.parse<Record<string, string>>(c.exportCsv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const csvById = new Map(csv.map((r) => [r.id!, r]));
  const csvWrong = c.rows.filter((r) => csvById.get(r.id)?.status !== r.status || Boolean(csvById.get(r.id)?.voided_at) !== voidedSet.has(r.id)).map((r) => r.id);
  out.push(
    check(
      'the export lists every row with its status, voided ones as voided',
      csv.length === c.rows.length && csvWrong.length === 0,
      `${csv.length} exported (${csv.filter((r) => r.voided_at).length} voided), ${csvWrong.length} wrong${sample(csvWrong)}`,
    ),
  );
  return out;
}
