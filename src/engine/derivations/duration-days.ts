import { addMonths, differenceInCalendarDays, isValid } from 'date-fns';
import { type Derivation, arg, dateOf, paramsOf, unknownFrom } from './derivation.js';

type Duration = { days?: number; months?: number; hours?: number };

/** Length in days of `months` calendar months counted date to date from `from` (date-fns clamps to month ends). */
export function calendarMonthsInDays(from: Date, months: number): number {
  return differenceInCalendarDays(addMonths(from, months), from);
}

export const durationDays: Derivation = {
  name: 'durationDays',
  description:
    'A duration ({days}, {months} or {hours}), or a list of durations, in days. Months count either date to date from `from` (monthLength: "calendar") or as a fixed number of days (monthLength: 30).',
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
    // A rule pack may hand anything here (`duration: null`, `{ days: "x" }`): what is not a
    // duration gives an unknown value, never an exception.
    const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    const start = dateOf(from.value);
    const inDays = (value: unknown): number | undefined => {
      const duration = (value !== null && typeof value === 'object' ? value : {}) as Duration;
      let days: number | undefined;
      if (finite(duration.days)) days = duration.days;
      else if (finite(duration.hours)) days = duration.hours / 24;
      else if (finite(duration.months)) {
        if (monthLength.value === 'calendar') days = isValid(start) ? calendarMonthsInDays(start, duration.months) : undefined;
        else if (finite(monthLength.value)) days = duration.months * monthLength.value;
      }
      return days !== undefined && Number.isFinite(days) ? days : undefined;
    };
    // A list of durations (one per camera of an event, say) gives a list of day counts.
    let days: number | number[] | undefined;
    if (Array.isArray(d.value)) {
      const all = d.value.map(inDays);
      days = all.every((x) => x !== undefined) ? (all as number[]) : undefined;
    } else days = inDays(d.value);
    return { value: days, pointer: d.pointer, looked: d.looked, params: paramsOf(d, from, monthLength) };
  },
};
