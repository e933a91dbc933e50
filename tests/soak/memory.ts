// The soak's memory readings: each desk's heap after a forced GC (the Node
// desks' process, per desk; the biggest page's JS heap), sampled through the
// evening (faults on, no new data), and the trend of those samples. Two
// readings compare two moments of GC timing and of connection churn (sockets
// a faulty lane drops and the desk re-opens are live until the next drop);
// a leak is what keeps rising across the whole evening, so the check reads
// the slope of every sample (Theil–Sen: the median of the pairwise slopes, which
// one outlying sample cannot move) and projects it over a venue day.

export interface MemorySample {
  at: string;
  /** When it was taken (performance.now() of the soak, real ms). */
  t: number;
  /** GC'd heap of the Node desks' process, per desk. */
  nodeHeap: number;
  /** GC'd JS heap of the biggest page. */
  pageHeap: number;
}

export const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** Median of the pairwise slopes (value per ms); 0 with fewer than two points. */
export function theilSen(points: readonly { t: number; v: number }[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dt = points[j]!.t - points[i]!.t;
      if (dt !== 0) slopes.push((points[j]!.v - points[i]!.v) / dt);
    }
  }
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  const mid = slopes.length >> 1;
  return slopes.length % 2 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2;
}

/** The evening's samples (from 'drained' on), and each heap's trend in bytes per real minute. */
export function eveningTrend(memory: readonly MemorySample[]): { samples: MemorySample[]; nodePerMin: number; pagePerMin: number } {
  const from = memory.findIndex((m) => m.at === 'drained');
  const samples = from < 0 ? [] : memory.slice(from);
  return {
    samples,
    nodePerMin: theilSen(samples.map((m) => ({ t: m.t, v: m.nodeHeap }))) * 60_000,
    pagePerMin: theilSen(samples.map((m) => ({ t: m.t, v: m.pageHeap }))) * 60_000,
  };
}
