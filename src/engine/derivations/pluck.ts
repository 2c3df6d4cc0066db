import { getAtPointer } from '../../parse/pointer.js';
import { type Derivation, arg } from './derivation.js';

export const pluck: Derivation = {
  name: 'pluck',
  description: 'The value at `path` in each item of a list. Unknown if the list is, or if any item does not state it (naming those items).',
  args: { type: 'object', additionalProperties: false, required: ['from', 'path'], properties: { from: arg, path: { type: 'string', pattern: '^(/[^/]*)*$' } } },
  compute(args, ctx) {
    const a = args as { from: unknown; path: string };
    const list = ctx.resolve(a.from);
    if (!Array.isArray(list.value)) return { value: undefined, looked: list.looked, params: list.params };
    const values = list.value.map((item) => getAtPointer(item, a.path));
    const missing = values.flatMap((v, i) => (v === undefined ? [i] : []));
    if (missing.length > 0) {
      const itemAt = (i: number) => list.itemPointers?.[i] ?? `${list.pointer ?? ''}/${i}`;
      return { value: undefined, looked: missing.map((i) => `${itemAt(i)}${a.path}`), params: list.params };
    }
    return { value: values, looked: list.looked, params: list.params };
  },
};
