import { getAtPointer } from '../../parse/pointer.js';
import { type Derivation, type DerivedValue, arg, paramsOf } from './derivation.js';
import { positionsOf } from './list-index.js';

/** One way an item may match: its value at `path` equals, or (a list) contains, the argument, or is one of its elements (`in`). */
interface Match {
  path: string;
  equals?: unknown;
  contains?: unknown;
  in?: unknown;
}

const matchSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: { path: { type: 'string', pattern: '^(/[^/]*)*$' }, equals: arg, contains: arg, in: arg },
};

export const findArgs = {
  type: 'object',
  additionalProperties: false,
  required: ['in', 'where'],
  properties: { in: arg, where: { type: 'array', minItems: 1, items: matchSchema } },
};

/** Indices of the items of `in` matching any of the `where` alternatives. */
export function matchingItems(args: unknown, ctx: Parameters<Derivation['compute']>[1]): { list: DerivedValue; indices: number[] | undefined; inputs: DerivedValue[] } {
  const a = args as { in: unknown; where: Match[] };
  const list = ctx.resolve(a.in);
  const wanted = a.where.map((m) => ({
    path: m.path,
    equals: 'equals' in m ? ctx.resolve(m.equals) : undefined,
    contains: 'contains' in m ? ctx.resolve(m.contains) : undefined,
    in: 'in' in m ? ctx.resolve(m.in) : undefined,
  }));
  const inputs = [list, ...wanted.flatMap((w) => [w.equals, w.contains, w.in].filter((x): x is DerivedValue => x !== undefined))];
  if (!Array.isArray(list.value)) return { list, indices: undefined, inputs };
  // When no alternative has a known argument, nothing can be said to match or not: unknown, not "none".
  if (!wanted.some((w) => [w.equals, w.contains, w.in].some((x) => x !== undefined && x.value !== undefined))) return { list, indices: undefined, inputs };
  const only = wanted.length === 1 ? wanted[0]! : undefined;
  if (only && only.equals && !only.contains && !only.in) {
    // One equality: read the list's index rather than scanning it (the same lists serve every log event).
    return { list, indices: positionsOf(list.value, only.path).get(only.equals.value) ?? [], inputs };
  }
  const indices: number[] = [];
  list.value.forEach((item, i) => {
    const hit = wanted.some((w) => {
      const v = getAtPointer(item, w.path);
      if (w.equals && w.equals.value !== undefined && v === w.equals.value) return true;
      if (w.contains && w.contains.value !== undefined && Array.isArray(v) && v.includes(w.contains.value)) return true;
      if (w.in && Array.isArray(w.in.value) && v !== undefined && w.in.value.includes(v)) return true;
      return false;
    });
    if (hit) indices.push(i);
  });
  return { list, indices, inputs };
}

export const find: Derivation = {
  name: 'find',
  description: 'The first item of a list matching any of the `where` alternatives; unknown if none does.',
  args: findArgs,
  compute(args, ctx) {
    const { list, indices, inputs } = matchingItems(args, ctx);
    const first = indices?.[0];
    if (first === undefined) return { value: undefined, looked: list.pointer !== undefined ? [list.pointer] : list.looked, params: paramsOf(...inputs) };
    const pointer = list.pointer !== undefined ? `${list.pointer}/${first}` : undefined;
    return { value: (list.value as unknown[])[first], pointer, looked: pointer ? [pointer] : [], params: paramsOf(...inputs) };
  },
};

export const filter: Derivation = {
  name: 'filter',
  description: 'The items of a list matching any of the `where` alternatives (possibly none).',
  args: findArgs,
  compute(args, ctx) {
    const { list, indices, inputs } = matchingItems(args, ctx);
    if (indices === undefined) return { value: undefined, looked: Array.isArray(list.value) ? inputs.flatMap((i) => (i.value === undefined ? i.looked : [])) : list.looked, params: paramsOf(...inputs) };
    return { value: indices.map((i) => (list.value as unknown[])[i]), looked: list.looked, params: paramsOf(...inputs) };
  },
};
