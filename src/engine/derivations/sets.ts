import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';
import { isHole } from '../holes.js';

const list = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

function without(of: unknown, minus: unknown): unknown[] | undefined {
  const x = list(of);
  const y = list(minus);
  if (!x || !y) return undefined;
  // A loop rather than filter and a closure per call (this runs for every camera); holes skipped (see isHole).
  const out: unknown[] = [];
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!isHole(x, i, v) && !y.includes(v)) out.push(v);
  }
  return out;
}

/** Up to this many elements in all, `together` looks each up in its result rather than in a Set. */
const SHORT_UNION = 32;

/** The elements of the lists among `values`, each once (as a Set keeps them), holes skipped; undefined when none of them is a list. */
function together(values: unknown[]): unknown[] | undefined {
  let total = 0;
  let lists = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (Array.isArray(v)) {
      lists++;
      total += v.length;
    }
  }
  if (lists === 0) return undefined;
  if (total > SHORT_UNION) return [...new Set(values.filter(Array.isArray).flat())];
  // This runs for every user: a loop and `includes` (the same equality as a Set's) rather than a Set, a flattened list and a spread.
  const out: unknown[] = [];
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Array.isArray(v)) continue;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      // A Set keeps -0 as 0.
      if (!isHole(v, i, x) && !out.includes(x)) out.push(x === 0 ? 0 : x);
    }
  }
  return out;
}

export const difference: Derivation = {
  name: 'difference',
  description: 'The elements of `of` that are not in `minus` (a set difference).',
  pointerless: true,
  args: { type: 'object', additionalProperties: false, required: ['of', 'minus'], properties: { of: arg, minus: arg } },
  compute(args, ctx) {
    const a = args as { of: unknown; minus: unknown };
    const of = ctx.resolve(a.of);
    const minus = ctx.resolve(a.minus);
    const value = without(of.value, minus.value);
    if (!value) return unknownFrom(of, minus);
    return { value, looked: [], params: paramsOf(of, minus) };
  },
  compileValue(args, arg) {
    const a = args as { of: unknown; minus: unknown };
    const of = arg(a.of);
    const minus = arg(a.minus);
    return (frame) => without(of(frame), minus(frame));
  },
};

export const union: Derivation = {
  name: 'union',
  description: 'The elements found in any of the lists given (unknown lists are skipped if at least one is known).',
  pointerless: true,
  args: { type: 'array', minItems: 1, items: arg },
  compute(args, ctx) {
    const inputs = (args as unknown[]).map((a) => ctx.resolve(a));
    const value = together(inputs.map((i) => i.value));
    if (!value) return unknownFrom(...inputs);
    return { value, looked: [], params: paramsOf(...inputs) };
  },
  compileValue(args, arg) {
    const readers = (args as unknown[]).map(arg);
    return (frame) => together(readers.map((read) => read(frame)));
  },
};

export const count: Derivation = {
  name: 'count',
  description: 'The number of elements of a list.',
  pointerless: true,
  args: arg,
  compute(args, ctx) {
    const l = ctx.resolve(args);
    const x = list(l.value);
    return x ? { value: x.length, looked: l.looked, params: l.params } : unknownFrom(l);
  },
  compileValue(args, arg) {
    const of = arg(args);
    return (frame) => list(of(frame))?.length;
  },
};
