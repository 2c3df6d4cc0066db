import { add, formatISO, isValid } from 'date-fns';
import { type Derivation, arg, dateOf, paramsOf, unknownFrom } from './derivation.js';

const DURATION_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds']);

/** `date` plus `duration` as YYYY-MM-DD; undefined when either is unknown or not what it should be. */
function dateAfter(date: unknown, duration: unknown): string | undefined {
  if (date === undefined || duration === undefined) return undefined;
  const start = dateOf(date);
  if (!isValid(start)) return undefined;
  // Only finite numbers of known units: anything else from a rule pack is an unknown date, not a RangeError.
  const units = duration !== null && typeof duration === 'object' && !Array.isArray(duration) ? Object.entries(duration) : [];
  if (units.length === 0 || !units.every(([k, n]) => DURATION_UNITS.has(k) && typeof n === 'number' && Number.isFinite(n))) return undefined;
  const end = add(start, Object.fromEntries(units));
  if (!isValid(end)) return undefined;
  return formatISO(end, { representation: 'date' });
}

export const addDuration: Derivation = {
  name: 'addDuration',
  description: 'A date plus a duration ({days}, {months}, {years}), as YYYY-MM-DD; months and years count date to date.',
  pointerless: true,
  args: { type: 'object', additionalProperties: false, required: ['date', 'duration'], properties: { date: arg, duration: arg } },
  compute(args, ctx) {
    const a = args as { date: unknown; duration: unknown };
    const date = ctx.resolve(a.date);
    const duration = ctx.resolve(a.duration);
    const value = dateAfter(date.value, duration.value);
    if (value === undefined) return unknownFrom(date, duration);
    return { value, looked: date.looked, params: paramsOf(date, duration) };
  },
  compileValue(args, arg) {
    const a = args as { date: unknown; duration: unknown };
    const date = arg(a.date);
    const duration = arg(a.duration);
    return (frame) => dateAfter(date(frame), duration(frame));
  },
};
