// The Pairing page: pairing codes and the printed sheet of them.
// Keys mirror ko/pairing.ts (tests/unit/ui/i18n-catalogues.test.ts checks).

export const pairing = {
  title: 'Pair a desk',
  anyCheckpoint: 'Let the desk choose',
  lifetime: 'Valid for',
  minutes: '{{n}} min',
  hours: '{{n}} h',
  make: 'Show pairing QR',
  qrLabel: 'Pairing QR code for {{checkpoint}}',
  expiresIn: 'Valid until {{time}} ({{minutes}} min {{seconds}} s left). Single use.',
  expired: 'Expired: make a new one.',
  howTo: 'On the kiosk’s setup screen, show this QR to the camera or scan it with the USB scanner. Or type the code.',
  sheet: 'Printable sheet for many desks',
  sheetTitle: 'Pairing sheet',
  back: '← One desk',
  sheetMake_one: 'Make {{count}} pairing code',
  sheetMake_other: 'Make {{count}} pairing codes',
  print: 'Print',
  cardTitle: '{{checkpoint}} · desk {{n}}',
  cardExpiry: 'Single use · valid until {{time}}',
};
