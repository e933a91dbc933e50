// CP949 for the server: iconv-lite's cp949 (Microsoft's windows-949, i.e. EUC-KR
// plus the UHC-extension syllables). Node's own TextDecoder("euc-kr") is ICU's
// plain EUC-KR and refuses those syllables (똠, 햏…), which Korean Excel writes
// for rarer names; Chromium's (the kiosk's) is the WHATWG windows-949, the same
// table. iconv-lite replaces a byte sequence it cannot map with U+FFFD instead
// of failing, and CP949 has no U+FFFD of its own: one in the output means the
// bytes were not CP949.

import iconv from 'iconv-lite';
import type { Cp949Decoder } from '../../core/roster-text';

export const iconvCp949: Cp949Decoder = (bytes) => {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp949');
  return text.includes('\uFFFD') ? undefined : text;
};
