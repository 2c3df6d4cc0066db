import { add, formatISO, isValid, parseISO } from 'date-fns';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

export const addDuration: Derivation = {
  name: 'addDuration',
  description: 'A date plus a duration ({days}, {months}, {years}), as YYYY-MM-DD; months and years count date to date.',
  args: { type: 'object', additionalProperties: false, required: ['date', 'duration'], properties: { date: arg, duration: arg } },
  compute(args, ctx) {
    const a = args as { date: unknown; duration: unknown };
    const date = ctx.resolve(a.date);
    const duration = ctx.resolve(a.duration);
    if (date.value === undefined || duration.value === undefined) return unknownFrom(date, duration);
    const start = parseISO(String(date.value));
    if (!isValid(start)) return unknownFrom(date, duration);
    const end = add(start, duration.value as Record<string, number>);
    return { value: formatISO(end, { representation: 'date' }), looked: date.looked, params: paramsOf(date, duration) };
  },
};
