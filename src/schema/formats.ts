import { isValid, parseISO } from 'date-fns';

/** `YYYY-MM-DD` naming a day that exists (2024-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && formatIsoDate(parsed) === value;
}

/** ISO 8601 date-time with an explicit offset or Z, naming an instant that exists. */
export function isDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  return m !== null && isCalendarDate(m[1]!) && isValid(parseISO(value));
}

function formatIsoDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
