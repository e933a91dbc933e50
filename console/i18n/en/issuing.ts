// The Tickets page: issuing signed tickets and the event's signing keys.
// Keys mirror ko/issuing.ts (tests/unit/ui/i18n-catalogues.test.ts checks).

export const issuing = {
  title: 'Issue signed tickets',
  hint: 'Each ticket gets a TO1: code signed with the event’s key: kiosks check it even offline. Names are optional: type one per line for a named ticket each.',
  count: 'How many',
  names: 'Names (optional, one per line)',
  issue_one: 'Issue {{count}} ticket',
  issue_other: 'Issue {{count}} tickets',
  issuing: 'Issuing…',
  issued_one: '{{count}} ticket issued.',
  issued_other: '{{count}} tickets issued.',
  notIssued_one: '{{count}} could not be issued.',
  notIssued_other: '{{count}} could not be issued.',
  sheet: 'A4 sheet to print (PDF)',
  csv: 'Mail-merge list (CSV)',
  filesHint: 'Both files hold this batch only (tickets #{{from}} to #{{to}}). Revoked tickets are left off the sheet; the list keeps them with their status.',
  allFiles: 'Every signed ticket of the event:',
  first_one: 'The first ticket',
  first_other: 'The first {{count}} tickets',
  ticketLine: '#{{serial}} {{name}} · {{category}}',
  ticketLineNameless: '#{{serial}} · {{category}}',
  qrLabel: 'QR code of ticket {{serial}}',
  errors: {
    signing_key_locked: 'The signing key cannot be opened: the server needs its TURNOUT_KEY_ENCRYPTION_KEY setting. Nothing was issued.',
    active_key: 'This key signs new tickets: rotate first, then retire it.',
    unknown_key: 'That key is not in this event (changed from elsewhere?). The list is reloaded.',
    unknown_event: 'This event no longer exists on the server.',
    forbidden: 'The viewer role cannot change this.',
  },
};

export const signingKeys = {
  title: 'Signing keys',
  hint: 'Kiosks trust the current key and older keys that still verify. Rotate to sign new tickets with a new key (tickets already printed keep working); retire an old key to make every ticket it signed stop working once kiosks sync.',
  id: 'Key',
  status: 'Status',
  created: 'Made',
  retired: 'Retired',
  statuses: { active: 'Current (signs new tickets)', verify: 'Verifies only', retired: 'Retired' },
  none: 'No key yet: the first issue makes one.',
  rotate: 'Rotate key',
  rotateConfirm: 'Make a new signing key? New tickets are signed with it; tickets already printed keep working.',
  rotated: 'Key {{keyId}} signs new tickets from now on.',
  retire: 'Retire',
  retireConfirm: 'Retire key {{keyId}}? Every ticket it signed is refused once kiosks sync. This cannot be undone.',
  retiredDone: 'Key {{keyId}} retired.',
};
