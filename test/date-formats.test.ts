import { isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCalendarDate, isDateTime } from '../src/schema/formats.js';

/**
 * What `format: date` used to be: date-fns parses the text, and the day it names reads back the
 * same. It read the day in the machine's time zone, so a day that zone skipped (30 December 2011 in
 * Samoa) was refused; the tests below run it in UTC, where every calendar day exists.
 */
function calendarDateByDateFns(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = parseISO(value);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return isValid(parsed) && `${p(parsed.getFullYear(), 4)}-${p(parsed.getMonth() + 1)}-${p(parsed.getDate())}` === value;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('format: date', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('accepts exactly the days date-fns accepts, on every month and day number of a whole 400-year cycle, of 1900 to 2100 and of sampled years up to 9999', () => {
    const differ: string[] = [];
    let accepted = 0;
    for (let y = 0; y <= 9999; y += y < 400 || (y >= 1900 && y < 2100) ? 1 : 13) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
          const expected = calendarDateByDateFns(s);
          if (isCalendarDate(s) !== expected) differ.push(s);
          if (expected) accepted++;
        }
      }
    }
    expect(differ).toEqual([]);
    expect(accepted).toBeGreaterThan(300_000); // the grid does hold valid days (and the leap days below)
    expect(['2024-02-29', '2000-02-29', '1600-02-29', '0000-02-29'].map(isCalendarDate)).toEqual([true, true, true, true]);
    expect(['2023-02-29', '1900-02-29', '2100-02-29', '2024-04-31', '2024-00-10', '2024-13-01', '2024-01-00'].map(isCalendarDate)).toEqual(Array(7).fill(false));
  });

  it('refuses what is not YYYY-MM-DD, as date-fns did', () => {
    const odd = ['', '2024-1-01', '2024-01-1', ' 2024-01-01', '2024-01-01 ', '2024/01/01', '２０２４-01-01', '2024-01-01T00:00Z', '+02024-01-01', '-2024-01-01', '2024-0a-01', '2024-01-0\u0661'];
    for (const s of odd) expect(isCalendarDate(s), s).toBe(calendarDateByDateFns(s));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9+-]{4}-[0-9 -]{2}-[0-9/:]{2}$/)), (s) => isCalendarDate(s) === calendarDateByDateFns(s)),
      { numRuns: 2_000, seed: 42 },
    );
  });

  it('does not depend on the time zone: a day some zone skipped is still a day', () => {
    expect(isCalendarDate('2011-12-30')).toBe(true);
  });

  it('date-times check their day the same way', () => {
    expect(isDateTime('2024-02-29T12:00:00Z')).toBe(true);
    expect(isDateTime('2023-02-29T12:00:00Z')).toBe(false);
    expect(isDateTime('2024-02-28T24:30:00+01:00')).toBe(false);
  });
});
