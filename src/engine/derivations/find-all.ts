import { mergeUnder } from '../../merge.js';
import { joinPointer } from '../../parse/pointer.js';
import { positionsOf } from './list-index.js';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

const positionOf = (list: unknown[], key: string, value: unknown): number | undefined => positionsOf(list, key).get(value)?.[0];

/** Items merged under the same defaults, remembered so that every event does not merge them again. */
const merged = new WeakMap<object, WeakMap<object, unknown>>();

function withDefaults(defaults: unknown, item: unknown): unknown {
  if (defaults === null || typeof defaults !== 'object' || item === null || typeof item !== 'object') return mergeUnder(defaults, item);
  let cache = merged.get(defaults);
  if (!cache) merged.set(defaults, (cache = new WeakMap()));
  let m = cache.get(item);
  if (m === undefined) cache.set(item, (m = mergeUnder(defaults, item)));
  return m;
}

export const findAll: Derivation = {
  name: 'findAll',
  description:
    'For each value of `keys` (a list), the item of `in` whose value at `key` equals it, in order, each merged over `defaults` if given (its own values win). Unknown if a value names no item (naming it).',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['keys', 'in', 'key'],
    properties: { keys: arg, in: arg, key: { type: 'string', pattern: '^(/[^/]*)*$' }, defaults: arg },
  },
  compute(args, ctx) {
    const a = args as { keys: unknown; in: unknown; key: string; defaults?: unknown };
    const keys = ctx.resolve(a.keys);
    const list = ctx.resolve(a.in);
    const defaults = a.defaults === undefined ? undefined : ctx.resolve(a.defaults);
    if (!Array.isArray(keys.value) || !Array.isArray(list.value)) return unknownFrom(keys, list);
    const items: unknown[] = [];
    const unmatched: string[] = [];
    for (const k of keys.value) {
      const i = positionOf(list.value, a.key, k);
      if (i === undefined) unmatched.push(`${list.pointer ?? list.looked[0] ?? ''}/*${a.key} = ${JSON.stringify(k)}`);
      else items.push(withDefaults(defaults?.value, list.value[i]));
    }
    const params = paramsOf(keys, list, ...(defaults ? [defaults] : []));
    if (unmatched.length) return { value: undefined, looked: unmatched, params };
    // The items sit at several places of the input: no single pointer.
    return { value: items, looked: list.pointer !== undefined ? [joinPointer(list.pointer)] : list.looked, params };
  },
};
