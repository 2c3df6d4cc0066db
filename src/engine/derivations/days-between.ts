import { differenceInCalendarDays, isValid, parseISO } from 'date-fns';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

/** Only a string or a number is read as a date: `String` would call a `toString` the value itself may lack (`{ __proto__: null }`). */
const dateText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function calendarDaysBetween(from: unknown, to: unknown): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const start = parseISO(dateText(from));
  const end = parseISO(dateText(to));
  if (!isValid(start) || !isValid(end)) return undefined;
  return differenceInCalendarDays(end, start);
}

/**
 * Whole calendar days from one date to another (negative when `to` is earlier). Rules compare
 * elapsed days with a limit converted by `durationDays`, so that "one month" is counted the way
 * the month-counting parameter says rather than by date-fns' calendar arithmetic.
 */
export const daysBetween: Derivation = {
  name: 'daysBetween',
  description: 'The number of calendar days from the date `from` to the date `to` (YYYY-MM-DD); negative if `to` is earlier.',
  pointerless: true,
  args: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: arg, to: arg } },
  compute(args, ctx) {
    const a = args as { from: unknown; to: unknown };
    const from = ctx.resolve(a.from);
    const to = ctx.resolve(a.to);
    const value = calendarDaysBetween(from.value, to.value);
    if (value === undefined) return unknownFrom(from, to);
    return { value, looked: [...from.looked, ...to.looked], params: paramsOf(from, to) };
  },
  compileValue(args, arg) {
    const a = args as { from: unknown; to: unknown };
    const from = arg(a.from);
    const to = arg(a.to);
    return (frame) => calendarDaysBetween(from(frame), to(frame));
  },
};
