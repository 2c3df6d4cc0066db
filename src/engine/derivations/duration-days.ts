import { addMonths, differenceInCalendarDays, isValid } from 'date-fns';
import { type Derivation, arg, dateOf, paramsOf, unknownFrom } from './derivation.js';

type Duration = { days?: number; months?: number; hours?: number };

/** Length in days of `months` calendar months counted date to date from `from` (date-fns clamps to month ends). */
export function calendarMonthsInDays(from: Date, months: number): number {
  return differenceInCalendarDays(addMonths(from, months), from);
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** One duration in days, or undefined (see durationInDays). A module function: this runs for every target. */
function dayCount(value: unknown, from: unknown, monthLength: unknown): number | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const d = value as Duration;
  let days: number | undefined;
  if (finite(d.days)) days = d.days;
  else if (finite(d.hours)) days = d.hours / 24;
  else if (finite(d.months)) {
    if (monthLength === 'calendar') {
      const start = dateOf(from); // parsed only when months are counted date to date (texts are remembered)
      days = isValid(start) ? calendarMonthsInDays(start, d.months) : undefined;
    } else if (finite(monthLength)) days = d.months * monthLength;
  }
  return days !== undefined && Number.isFinite(days) ? days : undefined;
}

/**
 * A duration, or a list of durations, in days; undefined when any input is unknown or is not a
 * duration. A rule pack may hand anything here (`duration: null`, `{ days: "x" }`): what is not a
 * duration gives an unknown value, never an exception.
 */
function durationInDays(duration: unknown, from: unknown, monthLength: unknown): number | number[] | undefined {
  if (duration === undefined || from === undefined || monthLength === undefined) return undefined;
  // A list of durations (one per camera of an event, say) gives a list of day counts.
  if (Array.isArray(duration)) {
    const all = duration.map((v) => dayCount(v, from, monthLength));
    return all.every((x) => x !== undefined) ? (all as number[]) : undefined;
  }
  return dayCount(duration, from, monthLength);
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
    return { value: durationInDays(d.value, from.value, monthLength.value), pointer: d.pointer, looked: d.looked, params: paramsOf(d, from, monthLength) };
  },
  compileValue(args, arg, asOf) {
    const a = args as { duration: unknown; from?: unknown; monthLength?: unknown };
    const duration = arg(a.duration);
    const from = arg(a.from ?? asOf);
    const monthLength = arg(a.monthLength ?? 'calendar');
    return (frame) => durationInDays(duration(frame), from(frame), monthLength(frame));
  },
};
