// The Reports page: the day's counts, chart, conflicts and the walk-ins list.
// Keys mirror ko/reports.ts (tests/unit/ui/i18n-catalogues.test.ts checks).

export const reports = {
  title: 'Reports',
  day: 'Day',
  dayOption_one: '{{day}} ({{scans}} scan)',
  dayOption_other: '{{day}} ({{scans}} scans)',
  today: 'today',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export XLSX',
  total: { people: 'People admitted', scans: 'Scans', accepted: 'Admitted', rejected: 'Refused', exits: 'Exits', conflicts: 'Conflicts', overrides: 'Staff overrides' },
  insideAt: 'Inside now · {{checkpoint}}',
  byHour: 'Scans per hour ({{zone}})',
  chartLabel: 'Scans per hour of the day',
  hourTip: '{{hour}}:00 — {{scans}} scans, {{accepted}} admitted',
  keyAccepted: 'admitted',
  keyOther: 'other scans',
  byCheckpoint: 'By checkpoint',
  byCategory: 'By category',
  byReason: 'Refusals by reason',
  conflicts: 'Conflicts (a ticket admitted twice by desks that were offline)',
  noConflicts: 'No conflicts on this day.',
  firstAdmission: 'First admitted',
  conflictAdmission: 'Admitted again',
  firstUnknown: 'not uploaded yet',
};

export const walkIns = {
  title: 'Walk-ins (registered at the desks)',
  none: 'No walk-ins registered.',
  summary: 'Walk-ins: {{count}}',
  duplicates: 'Possible duplicates: {{count}}',
  company: 'Company',
  registered: 'Registered',
  consents: 'Agreed to',
  duplicateOf: 'Possible duplicate',
  maybeSame: 'maybe the same person as {{code}}',
  purged: 'deleted (retention)',
  item_registration: 'registration',
  item_contact: 'contact',
  item_marketing: 'news',
};
