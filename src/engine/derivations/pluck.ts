import { getAtPointer } from '../../parse/pointer.js';
import { type Derivation, arg, paramsOf } from './derivation.js';

/** The values at `path` of a list's items (`fallback` for an item that has none), and the positions of the items left without one. */
function valuesAt(list: unknown, path: string, fallback: unknown, skipMissing: boolean | undefined): { values: unknown[]; missing: number[] } | undefined {
  if (!Array.isArray(list)) return undefined;
  const values: unknown[] = [];
  const missing: number[] = [];
  list.forEach((item, i) => {
    const own = getAtPointer(item, path);
    const v = own !== undefined ? own : fallback;
    if (v !== undefined) values.push(v);
    else if (!skipMissing) missing.push(i);
  });
  return { values, missing };
}

export const pluck: Derivation = {
  name: 'pluck',
  description:
    'The value at `path` in each item of a list. An item that does not state it takes `default` if given, is left out with `skipMissing: true`, and otherwise makes the result unknown (naming those items).',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'path'],
    properties: { from: arg, path: { type: 'string', pattern: '^(/[^/]*)*$' }, default: arg, skipMissing: { type: 'boolean' } },
  },
  compute(args, ctx) {
    const a = args as { from: unknown; path: string; default?: unknown; skipMissing?: boolean };
    const list = ctx.resolve(a.from);
    const fallback = a.default === undefined ? undefined : ctx.resolve(a.default);
    const params = paramsOf(list, ...(fallback ? [fallback] : []));
    const plucked = valuesAt(list.value, a.path, fallback?.value, a.skipMissing);
    if (plucked === undefined) return { value: undefined, looked: list.looked, params };
    if (plucked.missing.length > 0) {
      const itemAt = (i: number) => list.itemPointers?.[i] ?? `${list.pointer ?? ''}/${i}`;
      return { value: undefined, looked: [...plucked.missing.map((i) => `${itemAt(i)}${a.path}`), ...(fallback?.looked ?? [])], params };
    }
    return { value: plucked.values, looked: list.looked, params };
  },
  compileValue(args, arg) {
    const a = args as { from: unknown; path: string; default?: unknown; skipMissing?: boolean };
    const list = arg(a.from);
    const fallback = a.default === undefined ? () => undefined : arg(a.default);
    return (frame) => {
      const plucked = valuesAt(list(frame), a.path, fallback(frame), a.skipMissing);
      return plucked && plucked.missing.length === 0 ? plucked.values : undefined;
    };
  },
};
