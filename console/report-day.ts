// Which day the reports open on: the venue's today while the event runs, else
// the latest day with scans (so a past event — the September 2025 demo — opens
// on its data, not on an empty today), else the event's first day.

export function defaultReportDay(eventDays: readonly string[], today: string, withScans: readonly { day: string; scans: number }[]): string {
  if (eventDays.includes(today)) return today;
  const scanned = withScans.filter((d) => d.scans > 0).map((d) => d.day).sort();
  const inEvent = scanned.filter((d) => eventDays.includes(d));
  return inEvent.at(-1) ?? scanned.at(-1) ?? eventDays[0] ?? today;
}

/** The days to offer: the event's, those with scans, and today; sorted, once each. */
export function reportDays(eventDays: readonly string[], today: string, withScans: readonly { day: string }[]): string[] {
  return [...new Set([...eventDays, ...withScans.map((d) => d.day), today])].sort();
}
