import { differenceInMilliseconds, isValid, parseISO } from 'date-fns';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

export const minimum: Derivation = {
  name: 'minimum',
  description: 'The smallest number of a list; unknown if the list is unknown, empty, or holds something else than numbers.',
  args: arg,
  compute(args, ctx) {
    const l = ctx.resolve(args);
    if (!Array.isArray(l.value) || l.value.length === 0 || !l.value.every((v) => typeof v === 'number')) return unknownFrom(l);
    return { value: Math.min(...(l.value as number[])), looked: l.looked, params: l.params };
  },
};

const MS_PER_DAY = 86_400_000;

export const elapsedDays: Derivation = {
  name: 'elapsedDays',
  description: 'The time from `from` to `to` (dates or date-times, compared as instants) in days, with fractions; negative if `to` is earlier.',
  args: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: arg, to: arg } },
  compute(args, ctx) {
    const a = args as { from: unknown; to: unknown };
    const from = ctx.resolve(a.from);
    const to = ctx.resolve(a.to);
    if (typeof from.value !== 'string' || typeof to.value !== 'string') return unknownFrom(from, to);
    const x = parseISO(from.value);
    const y = parseISO(to.value);
    if (!isValid(x) || !isValid(y)) return unknownFrom(from, to);
    return { value: differenceInMilliseconds(y, x) / MS_PER_DAY, looked: [], params: paramsOf(from, to) };
  },
};
