// The soak's event day, decided before it starts and reproducible from a seed:
// which desk stands at which checkpoint of the demo event (Industrial Complex
// Week, KINTEX), and what each desk scans when. The mix is a venue's: mostly
// people arriving at their door, some scanned twice at one desk, some who were
// (or will be) scanned at another desk of the same door, unknown codes, exits at
// entry/exit doors, walk-ins registered mid-day, the odd unreadable scan.
// Pure: no I/O.

import { decide } from '../../core/decide';
import { demoEvent } from '../../core/demo/event';
import { demoCode, demoTicket } from '../../core/demo/roster';
import type { Direction, VoidReason } from '../../core/model';

/** The day on the venue's clock (Asia/Seoul): 09:30 to 17:30 on the fair's first day. */
export const DAY = '2025-09-10';
export const VIRTUAL_START = Date.parse('2025-09-10T09:30:00+09:00');
export const VIRTUAL_END = Date.parse('2025-09-10T17:30:00+09:00');
/** The one desk whose clock is a day ahead. */
export const SKEW_MS = 24 * 3600_000;

export interface SoakScale {
  /** Kiosks in all (Chromium pages included). */
  kiosks: number;
  /** How many of them are real Chromium pages. */
  chromium: number;
  /** Demo roster size seeded upstream. */
  roster: number;
  scansPerKiosk: number;
  /** Scans per Chromium page (slower: real key events and a real verdict screen). */
  scansPerPage: number;
  /** Walk-in tickets imported mid-day. */
  walkins: number;
  seed: number;
}

export type ScanKind = 'fresh' | 'again' | 'elsewhere' | 'unknown' | 'exit' | 'walkin' | 'garbage' | 'twin';

export interface ScanPlan {
  /** When, as a fraction of the day (0 = opening, 1 = close). */
  at: number;
  raw: string;
  direction: Direction;
  kind: ScanKind;
  /** Staff undo this scan at once, if it admitted (Node desks; the void is the desk's own record). */
  undo?: VoidReason;
}

export interface KioskPlan {
  index: number;
  name: string;
  kind: 'node' | 'chromium';
  checkpointId: string;
  /** Added to this desk's clock (ms). */
  skewMs: number;
  scans: ScanPlan[];
}

/** A person admitted by a cut-off desk and, just after, by another desk of its door. */
export interface Twin {
  code: string;
  /** Day fractions of the two scans (the desk's first). */
  deskAt: number;
  mateAt: number;
}

export interface Partition {
  /** The desk cut off. */
  index: number;
  /** Day fractions; `to` 1 means until the day ends. */
  from: number;
  to: number;
  /** The other desk of its door that admits the twins (Node desks only). */
  mate?: number;
  /**
   * People this desk admits while cut off whom the mate admits too: each must
   * end as one conflict. They are not in either desk's timed scans: the soak
   * has them scanned while the partition holds (tests/soak/farm.ts 'twins').
   */
  twins: Twin[];
}

export interface DayPlan {
  scale: SoakScale;
  kiosks: KioskPlan[];
  partitions: Partition[];
  /** Walk-in ticket indices (demoTicket(i)) imported at WALKIN_AT. */
  walkinIndices: number[];
  /** Codes revoked by the organiser at REVOKE_AT. */
  revoked: string[];
}

export const WALKIN_AT = 0.4;
/** Partition windows (day fractions); the second cuts off a Chromium page when there is one. */
const WINDOWS: [number, number][] = [[0.12, 0.3], [0.32, 0.5], [0.6, 0.78], [0.8, 1.0]];
/** Hall A closes at 17:00 (0.9375 of the day): planned double admissions stay before 16:40. */
const TWINS_BEFORE = 0.9;
export const REVOKE_AT = 0.45;
/** Share of a Node desk's fresh scans that staff undo at once (the wrong 김민수 picked, a badge scanned twice). */
const UNDO_SHARE = 0.03;

/** Checkpoint of kiosk i: hall A gets two desks in five, the info desk and coffee truck one each, robot hall and ceremony half. */
const LAYOUT = ['hall-a', 'info-desk', 'hall-a', 'coffee-truck', 'hall-a', 'robot-hall', 'hall-a', 'ceremony', 'info-desk', 'coffee-truck'];
const EXIT_DOORS = new Set(demoEvent.checkpoints.filter((c) => c.mode === 'entry_exit').map((c) => c.id));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Tickets a checkpoint admits at midday on an empty history (its usual crowd). */
function admittedAt(checkpointId: string, roster: number): number[] {
  const cp = demoEvent.checkpoints.find((c) => c.id === checkpointId)!;
  const noon = Date.parse(`${DAY}T12:00:00+09:00`);
  const out: number[] = [];
  for (let i = 0; i < roster; i++) {
    const v = decide({ ticket: demoTicket(i), checkpoint: cp, timeZone: demoEvent.event.timeZone, direction: 'entry', history: [], now: noon });
    if (v.verdict === 'accepted') out.push(i);
  }
  return out;
}

export function planDay(scale: SoakScale): DayPlan {
  const rand = mulberry32(scale.seed);
  const kiosks: KioskPlan[] = [];
  const byCheckpoint = new Map<string, KioskPlan[]>();
  // The first Node desk at the coffee truck has its clock a day ahead.
  let skewed = false;
  for (let i = 0; i < scale.kiosks; i++) {
    const checkpointId = LAYOUT[i % LAYOUT.length]!;
    // Chromium pages stand at hall A and the info desk (the first such desks).
    const kind = i < scale.chromium ? 'chromium' : 'node';
    const skew = kind === 'node' && !skewed && checkpointId === 'coffee-truck';
    if (skew) skewed = true;
    const plan: KioskPlan = { index: i, name: `${kind === 'chromium' ? 'page' : 'desk'} ${String(i).padStart(2, '0')} ${checkpointId}`, kind, checkpointId, skewMs: skew ? SKEW_MS : 0, scans: [] };
    kiosks.push(plan);
    byCheckpoint.set(checkpointId, [...(byCheckpoint.get(checkpointId) ?? []), plan]);
  }

  // Each door's crowd, dealt to its desks: mostly people it admits, some it will not.
  const queues = new Map<number, number[]>();
  const admits = new Map<string, Set<number>>();
  for (const [checkpointId, desks] of byCheckpoint) {
    const admitted = shuffled(admittedAt(checkpointId, scale.roster), rand);
    admits.set(checkpointId, new Set(admitted));
    const anyone = shuffled(Array.from({ length: scale.roster }, (_, i) => i), rand);
    const crowd: number[] = [];
    for (let n = 0, a = 0, b = 0; n < scale.roster; n++) {
      crowd.push(rand() < 0.85 && a < admitted.length ? admitted[a++]! : anyone[b++ % anyone.length]!);
    }
    desks.forEach((d, k) => queues.set(d.index, crowd.filter((_, n) => n % desks.length === k)));
  }

  const walkinIndices = Array.from({ length: scale.walkins }, (_, i) => scale.roster + i);
  const revoked = new Set<string>();
  for (const d of kiosks) {
    const queue = queues.get(d.index)!;
    const mates = byCheckpoint.get(d.checkpointId)!.filter((m) => m !== d);
    const n = d.kind === 'chromium' ? scale.scansPerPage : scale.scansPerKiosk;
    const times = Array.from({ length: n }, () => rand()).sort((x, y) => x - y);
    const admittedHere: string[] = [];
    let q = 0;
    for (const at of times) {
      const r = rand();
      const fresh = (): ScanPlan => {
        const raw = demoCode(queue[q++ % queue.length]!);
        admittedHere.push(raw);
        return { at, raw, direction: 'entry', kind: 'fresh' };
      };
      let scan: ScanPlan;
      if (r < 0.7) scan = fresh();
      else if (r < 0.77) scan = admittedHere.length ? { at, raw: admittedHere[Math.floor(rand() * admittedHere.length)]!, direction: 'entry', kind: 'again' } : fresh();
      else if (r < 0.85 && mates.length) {
        const other = queues.get(mates[Math.floor(rand() * mates.length)]!.index)!;
        scan = { at, raw: demoCode(other[Math.floor(rand() * Math.min(other.length, 4 * n))]!), direction: 'entry', kind: 'elsewhere' };
      } else if (r < 0.9) scan = { at, raw: demoCode(scale.roster + 100_000 + Math.floor(rand() * 1e6)), direction: 'entry', kind: 'unknown' };
      else if (r < 0.97 && EXIT_DOORS.has(d.checkpointId) && admittedHere.length) {
        scan = { at, raw: admittedHere[Math.floor(rand() * admittedHere.length)]!, direction: 'exit', kind: 'exit' };
      } else if (r < 0.99 && at > WALKIN_AT && walkinIndices.length) {
        scan = { at, raw: demoCode(walkinIndices[Math.floor(rand() * walkinIndices.length)]!), direction: 'entry', kind: 'walkin' };
      } else if (r >= 0.995 && d.kind === 'node') scan = { at, raw: `ICW25-${'\u0007'.repeat(3)}${'X'.repeat(300)}`, direction: 'entry', kind: 'garbage' };
      else scan = fresh();
      // A few people whose tickets the organiser revokes mid-day, scanned after that too.
      if (d.kind === 'node' && scan.kind === 'fresh' && at < REVOKE_AT && revoked.size < 5 && rand() < 0.02) revoked.add(scan.raw);
      if (d.kind === 'node' && scan.kind === 'fresh' && !revoked.has(scan.raw) && rand() < UNDO_SHARE) scan.undo = rand() < 0.5 ? 'wrong_person' : 'double_scan';
      d.scans.push(scan);
    }
  }
  // Partitions: single desks cut off for an hour and more of the day. While a
  // Node desk at a door that refuses a second entry is cut off, it admits
  // people whom another desk of its door admits too: certain conflicts.
  const partitions: Partition[] = [];
  const page = kiosks.find((k) => k.kind === 'chromium');
  const candidates = kiosks.filter((k) => k.kind === 'node' && k.skewMs === 0 && (k.checkpointId === 'hall-a' || k.checkpointId === 'coffee-truck'));
  WINDOWS.forEach(([from, to], w) => {
    const desk = w === 1 && page ? page : candidates[(w * 3) % candidates.length]!;
    const part: Partition = { index: desk.index, from, to, twins: [] };
    partitions.push(part);
    const mate = desk.kind === 'node' ? candidates.find((m) => m !== desk && m.checkpointId === desk.checkpointId) : undefined;
    if (!mate) return;
    part.mate = mate.index;
    const used = new Set([...kiosks.flatMap((k) => k.scans.map((x) => x.raw)), ...partitions.flatMap((q) => q.twins.map((x) => x.code))]);
    const fresh = [...admits.get(desk.checkpointId)!].map((i) => demoCode(i)).filter((c) => !used.has(c));
    for (let t = 0; t < 3 && t < fresh.length; t++) {
      const at = from + 0.02 + ((Math.min(to, TWINS_BEFORE) - from - 0.04) * (t + 0.5)) / 3;
      part.twins.push({ code: fresh[t]!, deskAt: at, mateAt: at + 0.005 });
    }
  });

  // Revoked people try again later at their door.
  for (const code of revoked) {
    const d = kiosks.find((k) => k.kind === 'node' && k.scans.some((s) => s.raw === code))!;
    d.scans.push({ at: Math.min(0.99, REVOKE_AT + 0.2 + rand() * 0.3), raw: code, direction: 'entry', kind: 'again' });
    d.scans.sort((x, y) => x.at - y.at);
  }
  return { scale, kiosks, partitions, walkinIndices, revoked: [...revoked] };
}

/** Scans in the plan by kind (for the summary), and the undos asked for. */
export function planMix(plan: DayPlan): Record<ScanKind | 'undo', number> {
  const mix: Record<ScanKind | 'undo', number> = { fresh: 0, again: 0, elsewhere: 0, unknown: 0, exit: 0, walkin: 0, garbage: 0, twin: 0, undo: 0 };
  for (const k of plan.kiosks) {
    for (const s of k.scans) {
      mix[s.kind]++;
      if (s.undo) mix.undo++;
    }
  }
  // Each twin is scanned twice: at the cut-off desk and at its mate.
  for (const p of plan.partitions) mix.twin += 2 * p.twins.length;
  return mix;
}
