import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

const list = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

export const difference: Derivation = {
  name: 'difference',
  description: 'The elements of `of` that are not in `minus` (a set difference).',
  args: { type: 'object', additionalProperties: false, required: ['of', 'minus'], properties: { of: arg, minus: arg } },
  compute(args, ctx) {
    const a = args as { of: unknown; minus: unknown };
    const of = ctx.resolve(a.of);
    const minus = ctx.resolve(a.minus);
    const x = list(of.value);
    const y = list(minus.value);
    if (!x || !y) return unknownFrom(of, minus);
    return { value: x.filter((e) => !y.includes(e)), looked: [], params: paramsOf(of, minus) };
  },
};

export const union: Derivation = {
  name: 'union',
  description: 'The elements found in any of the lists given (unknown lists are skipped if at least one is known).',
  args: { type: 'array', minItems: 1, items: arg },
  compute(args, ctx) {
    const inputs = (args as unknown[]).map((a) => ctx.resolve(a));
    const known = inputs.filter((i) => Array.isArray(i.value));
    if (known.length === 0) return unknownFrom(...inputs);
    return { value: [...new Set(known.flatMap((i) => i.value as unknown[]))], looked: [], params: paramsOf(...inputs) };
  },
};

export const count: Derivation = {
  name: 'count',
  description: 'The number of elements of a list.',
  args: arg,
  compute(args, ctx) {
    const l = ctx.resolve(args);
    const x = list(l.value);
    return x ? { value: x.length, looked: l.looked, params: l.params } : unknownFrom(l);
  },
};
