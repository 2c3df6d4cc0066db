import { mergeUnder } from '../../merge.js';
import { joinPointer } from '../../parse/pointer.js';
import { isDeepFrozen } from '../../parse/freeze.js';
import { currentRun, positionsOf } from './list-index.js';
import { type Derivation, arg, paramsOf, unknownFrom } from './derivation.js';

const positionOf = (list: unknown[], key: string, value: unknown): number | undefined => positionsOf(list, key).get(value)?.[0];

/**
 * Items merged under the same defaults, remembered so that every event does not merge them again:
 * for good when neither can change (deep-frozen, as parseConfig leaves a deployment), else for one
 * run, since the caller may change its own objects between two audits (see list-index.ts).
 */
const merged = new WeakMap<object, WeakMap<object, { value: unknown; run: number | undefined }>>();

function withDefaults(defaults: unknown, item: unknown): unknown {
  if (defaults === null || typeof defaults !== 'object' || item === null || typeof item !== 'object') return mergeUnder(defaults, item);
  let cache = merged.get(defaults);
  if (!cache) merged.set(defaults, (cache = new WeakMap()));
  let m = cache.get(item);
  if (m === undefined || (m.run !== undefined && m.run !== currentRun())) {
    m = { value: mergeUnder(defaults, item), run: isDeepFrozen(defaults) && isDeepFrozen(item) ? undefined : currentRun() };
    cache.set(item, m);
  }
  return m.value;
}

type FindAllArgs = { keys: unknown; in: unknown; key: string; defaults?: unknown };

/** For each key, the item of `list` that has it at `key` (merged over `defaults`), and the keys no item has. */
function itemsFor(keys: unknown, list: unknown, key: string, defaults: unknown): { items: unknown[]; unmatched: unknown[] } | undefined {
  if (!Array.isArray(keys) || !Array.isArray(list)) return undefined;
  const items: unknown[] = [];
  const unmatched: unknown[] = [];
  for (const k of keys) {
    const i = positionOf(list, key, k);
    if (i === undefined) unmatched.push(k);
    else items.push(withDefaults(defaults, list[i]));
  }
  return { items, unmatched };
}

export const findAll: Derivation = {
  name: 'findAll',
  description:
    'For each value of `keys` (a list), the item of `in` whose value at `key` equals it, in order, each merged over `defaults` if given (its own values win). Unknown if a value names no item (naming it).',
  pointerless: true,
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['keys', 'in', 'key'],
    properties: { keys: arg, in: arg, key: { type: 'string', pattern: '^(/[^/]*)*$' }, defaults: arg },
  },
  compute(args, ctx) {
    const a = args as FindAllArgs;
    const keys = ctx.resolve(a.keys);
    const list = ctx.resolve(a.in);
    const defaults = a.defaults === undefined ? undefined : ctx.resolve(a.defaults);
    const found = itemsFor(keys.value, list.value, a.key, defaults?.value);
    if (!found) return unknownFrom(keys, list);
    const params = paramsOf(keys, list, ...(defaults ? [defaults] : []));
    if (found.unmatched.length) return { value: undefined, looked: found.unmatched.map((k) => `${list.pointer ?? list.looked[0] ?? ''}/*${a.key} = ${JSON.stringify(k)}`), params };
    // The items sit at several places of the input: no single pointer.
    return { value: found.items, looked: list.pointer !== undefined ? [joinPointer(list.pointer)] : list.looked, params };
  },
  compileValue(args, arg) {
    const a = args as FindAllArgs;
    const keys = arg(a.keys);
    const list = arg(a.in);
    const defaults = a.defaults === undefined ? () => undefined : arg(a.defaults);
    return (frame) => {
      const found = itemsFor(keys(frame), list(frame), a.key, defaults(frame));
      return found && found.unmatched.length === 0 ? found.items : undefined;
    };
  },
};
