import { differenceInMilliseconds, isValid, parseISO } from 'date-fns';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

function smallest(list: unknown): number | undefined {
  if (!Array.isArray(list) || list.length === 0 || !list.every((v) => typeof v === 'number')) return undefined;
  return Math.min(...(list as number[]));
}

export const minimum: Derivation = {
  name: 'minimum',
  description: 'The smallest number of a list; unknown if the list is unknown, empty, or holds something else than numbers.',
  pointerless: true,
  args: arg,
  compute(args, ctx) {
    const l = ctx.resolve(args);
    const value = smallest(l.value);
    if (value === undefined) return unknownFrom(l);
    return { value, looked: l.looked, params: l.params };
  },
  compileValue(args, arg) {
    const list = arg(args);
    return (frame) => smallest(list(frame));
  },
};

const MS_PER_DAY = 86_400_000;

function daysFromTo(from: unknown, to: unknown): number | undefined {
  if (typeof from !== 'string' || typeof to !== 'string') return undefined;
  const x = parseISO(from);
  const y = parseISO(to);
  if (!isValid(x) || !isValid(y)) return undefined;
  return differenceInMilliseconds(y, x) / MS_PER_DAY;
}

export const elapsedDays: Derivation = {
  name: 'elapsedDays',
  description: 'The time from `from` to `to` (dates or date-times, compared as instants) in days, with fractions; negative if `to` is earlier.',
  pointerless: true,
  args: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: arg, to: arg } },
  compute(args, ctx) {
    const a = args as { from: unknown; to: unknown };
    const from = ctx.resolve(a.from);
    const to = ctx.resolve(a.to);
    const value = daysFromTo(from.value, to.value);
    if (value === undefined) return unknownFrom(from, to);
    return { value, looked: [], params: paramsOf(from, to) };
  },
  compileValue(args, arg) {
    const a = args as { from: unknown; to: unknown };
    const from = arg(a.from);
    const to = arg(a.to);
    return (frame) => daysFromTo(from(frame), to(frame));
  },
};
