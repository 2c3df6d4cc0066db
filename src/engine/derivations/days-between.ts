import { differenceInCalendarDays, isValid, parseISO } from 'date-fns';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

/**
 * Whole calendar days from one date to another (negative when `to` is earlier). Rules compare
 * elapsed days with a limit converted by `durationDays`, so that "one month" is counted the way
 * the month-counting parameter says rather than by date-fns' calendar arithmetic.
 */
export const daysBetween: Derivation = {
  name: 'daysBetween',
  description: 'The number of calendar days from the date `from` to the date `to` (YYYY-MM-DD); negative if `to` is earlier.',
  args: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: arg, to: arg } },
  compute(args, ctx) {
    const a = args as { from: unknown; to: unknown };
    const from = ctx.resolve(a.from);
    const to = ctx.resolve(a.to);
    if (from.value === undefined || to.value === undefined) return unknownFrom(from, to);
    const start = parseISO(String(from.value));
    const end = parseISO(String(to.value));
    if (!isValid(start) || !isValid(end)) return unknownFrom(from, to);
    return { value: differenceInCalendarDays(end, start), looked: [...from.looked, ...to.looked], params: paramsOf(from, to) };
  },
};
