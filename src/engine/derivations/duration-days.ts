import { addMonths, differenceInCalendarDays, isValid, parseISO } from 'date-fns';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

type Duration = { days?: number; months?: number; hours?: number };

/** Length in days of `months` calendar months counted date to date from `from` (date-fns clamps to month ends). */
export function calendarMonthsInDays(from: Date, months: number): number {
  return differenceInCalendarDays(addMonths(from, months), from);
}

export const durationDays: Derivation = {
  name: 'durationDays',
  description:
    'A duration ({days}, {months} or {hours}) in days. Months count either date to date from `from` (monthLength: "calendar") or as a fixed number of days (monthLength: 30).',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['duration'],
    properties: { duration: arg, from: arg, monthLength: arg },
  },
  compute(args, ctx) {
    const a = args as { duration: unknown; from?: unknown; monthLength?: unknown };
    const d = ctx.resolve(a.duration);
    const from = ctx.resolve(a.from ?? ctx.asOf);
    const monthLength = ctx.resolve(a.monthLength ?? 'calendar');
    if (d.value === undefined || from.value === undefined || monthLength.value === undefined) return unknownFrom(d, from, monthLength);
    const duration = d.value as Duration;
    let days: number | undefined;
    if (typeof duration.days === 'number') days = duration.days;
    else if (typeof duration.hours === 'number') days = duration.hours / 24;
    else if (typeof duration.months === 'number') {
      if (monthLength.value === 'calendar') {
        // Parsed only here: days and hours do not need the date (and parsing costs on every target).
        const start = parseISO(String(from.value));
        days = isValid(start) ? calendarMonthsInDays(start, duration.months) : undefined;
      }
      else if (typeof monthLength.value === 'number') days = duration.months * monthLength.value;
    }
    return { value: days, pointer: d.pointer, looked: d.looked, params: paramsOf(d, from, monthLength) };
  },
};
