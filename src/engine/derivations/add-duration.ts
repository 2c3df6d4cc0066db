import { add, formatISO, isValid } from 'date-fns';
import { type Derivation, arg, dateOf, paramsOf, unknownFrom } from './derivation.js';

const DURATION_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds']);

export const addDuration: Derivation = {
  name: 'addDuration',
  description: 'A date plus a duration ({days}, {months}, {years}), as YYYY-MM-DD; months and years count date to date.',
  args: { type: 'object', additionalProperties: false, required: ['date', 'duration'], properties: { date: arg, duration: arg } },
  compute(args, ctx) {
    const a = args as { date: unknown; duration: unknown };
    const date = ctx.resolve(a.date);
    const duration = ctx.resolve(a.duration);
    if (date.value === undefined || duration.value === undefined) return unknownFrom(date, duration);
    const start = dateOf(date.value);
    if (!isValid(start)) return unknownFrom(date, duration);
    // Only finite numbers of known units: anything else from a rule pack is an unknown date, not a RangeError.
    const d = duration.value;
    const units = d !== null && typeof d === 'object' && !Array.isArray(d) ? Object.entries(d) : [];
    if (units.length === 0 || !units.every(([k, n]) => DURATION_UNITS.has(k) && typeof n === 'number' && Number.isFinite(n))) return unknownFrom(date, duration);
    const end = add(start, Object.fromEntries(units));
    if (!isValid(end)) return unknownFrom(date, duration);
    return { value: formatISO(end, { representation: 'date' }), looked: date.looked, params: paramsOf(date, duration) };
  },
};
