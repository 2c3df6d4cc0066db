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
    const start = parseISO(String(from.value));
    const inDays = (duration: Duration): number | undefined => {
      if (typeof duration.days === 'number') return duration.days;
      if (typeof duration.hours === 'number') return duration.hours / 24;
      if (typeof duration.months === 'number') {
        if (monthLength.value === 'calendar') return isValid(start) ? calendarMonthsInDays(start, duration.months) : undefined;
        if (typeof monthLength.value === 'number') return duration.months * monthLength.value;
      }
      return undefined;
    };
    // A list of durations (one per camera of an event, say) gives a list of day counts.
    let days: number | number[] | undefined;
    if (Array.isArray(d.value)) {
      const all = (d.value as Duration[]).map(inDays);
      days = all.every((x) => x !== undefined) ? (all as number[]) : undefined;
    } else days = inDays(d.value as Duration);
    return { value: days, pointer: d.pointer, looked: d.looked, params: paramsOf(d, from, monthLength) };
  },
};
