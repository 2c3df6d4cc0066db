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

  it('date-times: exactly what date-fns parses as a valid instant, for the ISO 8601 shape with an offset', () => {
    // What `format: date-time` used to be: the shape, a calendar day, then parseISO.
    const byDateFns = (v: string) => /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && isCalendarDate(v.slice(0, 10)) && isValid(parseISO(v));
    const two = fc.integer({ min: 0, max: 99 }).map((n) => pad(n));
    const dateTime = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => pad(n, 4)),
        fc.integer({ min: 0, max: 13 }).map((n) => pad(n)),
        fc.integer({ min: 0, max: 32 }).map((n) => pad(n)),
        fc.oneof(two, fc.constantFrom('23', '24', '25')),
        fc.oneof(two, fc.constantFrom('00', '59', '60')),
        fc.option(fc.tuple(fc.oneof(two, fc.constantFrom('00', '59', '60')), fc.option(fc.stringMatching(/^[0-9]{1,4}$/)))),
        fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), two, two).map(([s, h, m]) => `${s}${h}:${m}`)),
      )
      .map(([y, mo, d, h, mi, sec, z]) => `${y}-${mo}-${d}T${h}:${mi}${sec ? `:${sec[0]}${sec[1] ? `.${sec[1]}` : ''}` : ''}${z}`);
    const mutated = fc.tuple(dateTime, fc.nat(30), fc.constantFrom('', ':', '.', 'Z', '0', '+', 'T', '60')).map(([v, at, c]) => v.slice(0, at) + c + v.slice(at + 1));
    fc.assert(
      fc.property(fc.oneof(dateTime, mutated, fc.string()), (v) => {
        expect(isDateTime(v)).toBe(byDateFns(v));
      }),
      { numRuns: 20_000 },
    );
    for (const v of ['2026-01-01T24:00Z', '2026-01-01T24:00:00.000+01:00', '2026-01-01T24:00:00.5Z', '2026-01-01T23:59:59.999999-99:59', '2026-01-01T12:00+01:60']) {
      expect(isDateTime(v)).toBe(byDateFns(v));
    }
  });

  it('date-times check their day the same way', () => {
    expect(isDateTime('2024-02-29T12:00:00Z')).toBe(true);
    expect(isDateTime('2023-02-29T12:00:00Z')).toBe(false);
    expect(isDateTime('2024-02-28T24:30:00+01:00')).toBe(false);
  });
});
