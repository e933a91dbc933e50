// The birth-date second factor (issue 12): an optional roster column
// `birth_date` / `생년월일`, read in the forms organisers' spreadsheets hold, and
// brought to ONE canonical form before it is hashed (core/second-factor.ts),
// so 1990-01-31, 19900131, 900131 and 1990. 1. 31. are the same factor.
//
// The canonical form is the six digits YYMMDD: that is what a self-service
// kiosk asks for on its numeric pad (the form Koreans know from the front of
// the resident number), and a typed YYMMDD cannot say its century, so hashing
// the full year would leave the kiosk guessing. A full-year cell is still
// checked as a whole date (1990-02-30 and 1899 are errors) before its century
// is dropped. Pure.

/** Six digits a kiosk can hash: YYMMDD. */
export type BirthDigits = string;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validMonthDay(year: number | undefined, month: number, day: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return false;
  if (month === 2 && day === 29) {
    // Without a century, 29 Feb is possible when either 19YY or 20YY is a leap year.
    return year !== undefined ? isLeap(year) : isLeap(1900 + yy) || isLeap(2000 + yy);
  }
  return true;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function canonical(year: number | undefined, yy: number, month: number, day: number): BirthDigits | null {
  if (year !== undefined && (year < 1900 || year > 2099)) return null;
  if (!validMonthDay(year, month, day, yy)) return null;
  return `${pad2(yy)}${pad2(month)}${pad2(day)}`;
}

// 1990-01-31, 1990/1/31, 1990.01.31, 1990. 1. 31. (Korean Excel's display), 1990 01 31.
const SEPARATED = /^(\d{4})\s*[-./\s]\s*(\d{1,2})\s*[-./\s]\s*(\d{1,2})\s*\.?$/;
// 1990년 1월 31일
const KOREAN = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?$/;

/**
 * A roster cell as YYMMDD, or null when it is not a birth date. Accepted:
 * YYYY-MM-DD (also `/`, `.` or a space between, one-digit month and day, a
 * trailing dot), 1990년 1월 31일, YYYYMMDD, YYMMDD, and five digits as YYMMDD
 * that lost its leading zero (Excel stores 020315 as the number 20315).
 */
export function normaliseBirthDate(cell: string): BirthDigits | null {
  const v = cell.trim();
  const sep = SEPARATED.exec(v) ?? KOREAN.exec(v);
  if (sep) {
    const year = Number(sep[1]);
    return canonical(year, year % 100, Number(sep[2]), Number(sep[3]));
  }
  if (/^\d{8}$/.test(v)) {
    const year = Number(v.slice(0, 4));
    return canonical(year, year % 100, Number(v.slice(4, 6)), Number(v.slice(6, 8)));
  }
  if (/^\d{5,6}$/.test(v)) {
    const six = v.padStart(6, '0');
    return canonical(undefined, Number(six.slice(0, 2)), Number(six.slice(2, 4)), Number(six.slice(4, 6)));
  }
  return null;
}

/** Whether six typed digits can be a birth date at all (the kiosk hashes only those). */
export function isBirthDigits(typed: string): boolean {
  return /^\d{6}$/.test(typed) && normaliseBirthDate(typed) === typed;
}
