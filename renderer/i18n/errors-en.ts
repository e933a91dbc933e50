// English messages of every error code that can reach the kiosk screen: sync
// failures, shell (platform) results, pairing-link problems and storage faults.
// Same shape as errors-ko.ts; tests/unit/ui/error-codes.test.ts checks that every
// code the modules can produce has a message here and in Korean. Raw exception
// text never replaces these: it goes under them as `detail`, for staff.
export const errorsEn = {
  detail: 'Details for staff: {{detail}}',
  unexpected: 'Something unexpected went wrong.',
  sync: {
    network: 'The server cannot be reached.',
    timeout: 'The server did not answer in time.',
    device_revoked: 'The organiser revoked this kiosk.',
    auth: 'The server no longer knows this kiosk.',
    too_large: 'The server refused a batch as too large.',
    rate_limited: 'The server asked this kiosk to slow down.',
    server: 'The server had an internal error; the kiosk will retry.',
    rejected: 'The server refused a request from this kiosk.',
    bad_response: 'The server sent an answer the kiosk cannot trust.',
  },
  kiosk: {
    bad_input: 'The request was not valid.',
    forbidden: 'This page may not do that.',
    pin_not_set: 'No staff PIN is set.',
    bad_pin: 'Wrong staff PIN.',
    pin_locked: 'Too many wrong PINs: wait before trying again.',
    cancelled: 'Cancelled.',
    not_found: 'Not found (is the printer connected?).',
    print_failed: 'The printer did not print.',
    io_error: 'The kiosk could not read or write its disk.',
    disk_full: 'The kiosk’s disk is full.',
    unsupported: 'Not available on this kiosk.',
    internal: 'The kiosk app had an internal error.',
  },
  pairLink: {
    too_long: 'the link is too long',
    not_pairing_link: 'it does not start with turnout://pair',
    bad_url: 'it is not a readable link',
    unexpected_param: 'it has a part Turnout does not know',
    repeated_param: 'a part appears twice',
    newer_version: 'it was made for a newer Turnout: update this kiosk',
    bad_version: 'its version is not valid',
    missing_server_or_code: 'the server or the code is missing',
    too_many_servers: 'it names too many servers',
    bad_server: 'a server address is not valid',
    bad_fp: 'the server key fingerprint is not valid',
    fp_needs_https: 'a link with a key fingerprint needs https servers',
    bad_code: 'the pairing code is not valid',
    bad_checkpoint: 'the checkpoint is not valid',
  },
  store: {
    failed: 'The kiosk could not save to its storage.',
    disk_full: 'The kiosk’s storage is full.',
  },
};
