const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of `length` ASCII digits of `s` from `at`, or -1 if one of them is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `YYYY-MM-DD` naming a day that exists (2024-02-30 does not), in the proleptic Gregorian
 * calendar JavaScript dates use. Read by hand rather than through a date library: a deployment of
 * 100,000 cameras has as many dates, and this check is in the path of every validation.
 */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(Z|[+-]\d{2}:(\d{2}))$/;

/**
 * ISO 8601 date-time with an explicit offset or Z, naming an instant that exists: what date-fns'
 * parseISO accepts for this shape (a test compares them), read by hand because every event of an
 * access log has one: hours 00 to 23, or 24:00 exactly; minutes and seconds below 60 (seconds may
 * have a fraction); offset minutes below 60.
 */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null || !isCalendarDate(m[1]!)) return false;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  const seconds = m[4] === undefined ? 0 : Number(m[4]);
  const time = hours === 24 ? minutes === 0 && seconds === 0 : hours < 24 && minutes < 60 && seconds < 60;
  return time && (m[6] === undefined || Number(m[6]) < 60);
}
