import { getAtPointer, parsePointer, segmentsReader } from '../../parse/pointer.js';
import { type Derivation, arg, paramsOf } from './derivation.js';
import { isHole } from '../holes.js';
import { lastInRun } from './list-index.js';
import { dropGathered, gathering, takeGathered } from '../gathering.js';

/**
 * The values at `path` of a list's items (`fallback` for an item that has none). An item left
 * without one is added to `missing` when given (compute names them); without it, the first one
 * makes the whole result undefined (compileValue only needs the values).
 */
function valuesAt(list: unknown, path: string | ((item: unknown) => unknown), fallback: unknown, skipMissing: boolean | undefined, missing?: number[]): unknown[] | undefined {
  if (!Array.isArray(list)) return undefined;
  gathered.count = 0;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (isHole(list, i, item)) continue; // no item, as forEach skipped it
    const own = typeof path === 'string' ? getAtPointer(item, path) : path(item);
    const v = own !== undefined ? own : fallback;
    if (v !== undefined) gathered.items[gathered.count++] = v;
    else if (!skipMissing) {
      if (!missing) {
        dropGathered(gathered);
        return undefined;
      }
      missing.push(i);
    }
  }
  return takeGathered(gathered, true);
}

/** Where valuesAt gathers the values (see gathering.ts); it lets go of them, a deployment's. */
const gathered = gathering<unknown>();

export const pluck: Derivation = {
  name: 'pluck',
  description:
    'The value at `path` in each item of a list. An item that does not state it takes `default` if given, is left out with `skipMissing: true`, and otherwise makes the result unknown (naming those items).',
  pointerless: true,
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
    const missing: number[] = [];
    const values = valuesAt(list.value, a.path, fallback?.value, a.skipMissing, missing);
    if (values === undefined) return { value: undefined, looked: list.looked, params };
    if (missing.length > 0) {
      const itemAt = (i: number) => list.itemPointers?.[i] ?? `${list.pointer ?? ''}/${i}`;
      return { value: undefined, looked: [...missing.map((i) => `${itemAt(i)}${a.path}`), ...(fallback?.looked ?? [])], params };
    }
    return { value: values, looked: list.looked, params };
  },
  compileValue(args, arg, _asOf, readers = segmentsReader) {
    const a = args as { from: unknown; path: string; default?: unknown; skipMissing?: boolean };
    const list = arg(a.from);
    const fallback = a.default === undefined ? () => undefined : arg(a.default);
    const read = readers(parsePointer(a.path)); // what getAtPointer reads, its path parsed once
    // The values of the list the last target had, in one run, are given again.
    const values = lastInRun((l: unknown, f: unknown) => valuesAt(l, read, f, a.skipMissing));
    return (frame) => values(list(frame), fallback(frame));
  },
};
