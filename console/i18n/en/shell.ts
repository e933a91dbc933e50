// Shared across the console: the shell (header, navigation, login) and the
// vocabulary every page uses (categories, reject reasons, rules, tallies, ages).
// Keys mirror ko/shell.ts (tests/unit/ui/i18n-catalogues.test.ts checks).

export const shell = {
  title: 'Organiser console',
  event: 'Event',
  language: 'Language',
  loading: 'Loading…',
  logout: 'Log out',
  role: { admin: 'Administrator', viewer: 'Viewer (read-only)' },
};

export const nav = { reports: 'Reports', devices: 'Desks', events: 'Events', roster: 'Roster', pairing: 'Pairing', issuing: 'Tickets' };

export const login = {
  token: 'Admin or viewer token',
  hint: 'Printed by the server at start (TURNOUT_ADMIN_TOKEN, TURNOUT_VIEWER_TOKEN). It is sent once; the browser then keeps only a session cookie.',
  submit: 'Log in',
  refused: 'This token was refused. Check it and try again.',
  failed: 'Could not log in: {{message}}',
};

export const common = {
  checkpoint: 'Checkpoint',
  actions: 'Actions',
  cancel: 'Cancel',
  none: 'None',
  noEvent: 'There is no event yet. Create one under',
  readOnly: 'The viewer role can watch but not change anything here.',
};

export const age = { s: '{{n}} s ago', min: '{{n}} min ago', h: '{{n}} h ago', d: '{{n}} d ago' };

export const category = { visitor: 'Visitor', exhibitor: 'Exhibitor', buyer: 'Buyer', press: 'Press', vip: 'VIP', staff: 'Staff', speaker: 'Speaker', unknown: 'Not on the roster' };

export const reason = {
  unknown_ticket: 'Unknown ticket',
  invalid_signature: 'Forged or damaged code',
  revoked: 'Revoked ticket',
  blocked: 'Blocked ticket',
  already_checked_in: 'Already checked in',
  wrong_checkpoint: 'Not valid at this checkpoint',
  not_yet_valid: 'Not valid yet',
  expired: 'Expired ticket',
  closed_now: 'Closed at this time',
  malformed: 'Unreadable code',
};

export const rule = { once: 'Once (one admission ever)', once_per_day: 'Once per day', unlimited: 'Unlimited' };

export const mode = { entry: 'Entry only', entry_exit: 'Entry and exit (counts who is inside)' };

export const tally = { scans: 'Scans', accepted: 'Admitted', uniquePeople: 'People', rejected: 'Refused', exits: 'Exits', conflicts: 'Conflicts' };
