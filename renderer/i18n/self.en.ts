// English strings of the self-service screens (renderer/ui/self), kept beside
// en.ts so the desk's strings and these change apart. Keys mirror self.ko.ts.
export const selfEn = {
  mode: 'Self-service kiosk',
  modeHint: 'Attendees check themselves in; leaving this mode needs the staff PIN.',
  modeChip: 'Self-service',
  needPin: 'Set a staff PIN first: it is the only way out of self-service.',
  attract: {
    scan: 'Scan your QR code',
    scanHint: 'Hold your ticket’s code under the scanner',
    touch: 'Touch to start',
    noCode: 'No code? Touch here to find your name',
    language: 'Language',
    staff: 'Staff',
  },
  home: {
    title: 'Scan your QR code now',
    hint: 'Hold the code under the scanner, or find yourself by name',
    byName: 'Find me by name',
    done: 'Finish',
  },
  lookup: {
    nameTitle: 'Type your full name',
    namePlaceholder: 'Your name as registered, in full',
    next: 'Next',
    back: 'Back',
    phoneTitle: 'Type the last 4 digits of your phone number',
    companyTitle: 'Type the start of your company’s name',
    companyPlaceholder: 'Company (at least 2 letters)',
    search: 'Find me',
    none: 'We could not find you. Please check the spelling or ask staff at the desk.',
    pick: 'Touch your entry',
    confirmTitle: 'Is this you?',
    yes: 'Yes, check me in',
    no: 'No, go back',
  },
  walkIn: {
    open: 'No ticket? Register here',
    title: 'Register on site',
    hint: 'Touch a box, then type on the keyboard below. The phone number is optional.',
    category: 'You will be registered as: {{category}}',
  },
  verdict: {
    seeStaff: 'Please see staff at the desk',
    done: 'Done',
  },
  idle: {
    title: 'Are you still there?',
    body: 'This screen will be cleared in {{seconds}} seconds.',
    extend: 'Touch the screen or press any key to continue',
  },
};
