import { getAtPointer } from '../../parse/pointer.js';
import { type Derivation, arg, paramsOf } from './derivation.js';

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
    if (!Array.isArray(list.value)) return { value: undefined, looked: list.looked, params };
    const values: unknown[] = [];
    const missing: number[] = [];
    list.value.forEach((item, i) => {
      const own = getAtPointer(item, a.path);
      const v = own !== undefined ? own : fallback?.value;
      if (v !== undefined) values.push(v);
      else if (!a.skipMissing) missing.push(i);
    });
    if (missing.length > 0) {
      const itemAt = (i: number) => list.itemPointers?.[i] ?? `${list.pointer ?? ''}/${i}`;
      return { value: undefined, looked: [...missing.map((i) => `${itemAt(i)}${a.path}`), ...(fallback?.looked ?? [])], params };
    }
    return { value: values, looked: list.looked, params };
  },
};
