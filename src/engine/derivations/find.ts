import { getAtPointer } from '../../parse/pointer.js';
import { type Derivation, type DerivedValue, arg, paramsOf } from './derivation.js';
import { elementPositionsOf, positionsOf } from './list-index.js';

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
  properties: {
    in: arg,
    where: { type: 'array', minItems: 1, items: matchSchema },
    except: { type: 'array', minItems: 1, items: matchSchema },
  },
};

interface ResolvedMatch {
  path: string;
  equals?: DerivedValue;
  contains?: DerivedValue;
  in?: DerivedValue;
}

function hits(item: unknown, m: ResolvedMatch): boolean {
  const v = getAtPointer(item, m.path);
  if (m.equals && m.equals.value !== undefined && v === m.equals.value) return true;
  if (m.contains && m.contains.value !== undefined && Array.isArray(v) && v.includes(m.contains.value)) return true;
  if (m.in && Array.isArray(m.in.value) && v !== undefined && m.in.value.includes(v)) return true;
  return false;
}

const argsOf = (m: ResolvedMatch) => [m.equals, m.contains, m.in].filter((x): x is DerivedValue => x !== undefined);

/**
 * Indices of the items of `in` matching any of the `where` alternatives and none of the `except`
 * ones (e.g. the acts listing a camera, except those that only authorize something else).
 */
export function matchingItems(args: unknown, ctx: Parameters<Derivation['compute']>[1]): { list: DerivedValue; indices: number[] | undefined; inputs: DerivedValue[] } {
  const a = args as { in: unknown; where: Match[]; except?: Match[] };
  const list = ctx.resolve(a.in);
  const resolveMatch = (m: Match): ResolvedMatch => ({
    path: m.path,
    equals: 'equals' in m ? ctx.resolve(m.equals) : undefined,
    contains: 'contains' in m ? ctx.resolve(m.contains) : undefined,
    in: 'in' in m ? ctx.resolve(m.in) : undefined,
  });
  const wanted = a.where.map(resolveMatch);
  const excluded = (a.except ?? []).map(resolveMatch);
  const inputs = [list, ...[...wanted, ...excluded].flatMap(argsOf)];
  if (!Array.isArray(list.value)) return { list, indices: undefined, inputs };
  // When no alternative has a known argument, nothing can be said to match or not: unknown, not "none".
  if (!wanted.some((w) => argsOf(w).some((x) => x.value !== undefined))) return { list, indices: undefined, inputs };
  const only = wanted.length === 1 && excluded.length === 0 ? wanted[0]! : undefined;
  if (only && only.equals && !only.contains && !only.in) {
    // One equality: read the list's index rather than scanning it (the same lists serve every log event).
    return { list, indices: positionsOf(list.value, only.path).get(only.equals.value) ?? [], inputs };
  }
  // Small lists (a camera's masks) are scanned: an index per list would cost more than it saves.
  const candidates = list.value.length >= INDEXED_LENGTH ? indexedCandidates(list.value, wanted) : undefined;
  const indices: number[] = [];
  if (candidates) {
    const items = list.value;
    for (const i of candidates) if (!excluded.some((x) => hits(items[i], x))) indices.push(i);
    return { list, indices, inputs };
  }
  list.value.forEach((item, i) => {
    if (wanted.some((w) => hits(item, w)) && !excluded.some((x) => hits(item, x))) indices.push(i);
  });
  return { list, indices, inputs };
}

const INDEXED_LENGTH = 6;

/**
 * The positions of the items some `equals`/`contains` alternative hits, ascending, read from the
 * list's indexes instead of scanning it (a camera's acts are sought among the same authorizations
 * for every camera). Undefined when an alternative needs a scan (`in`, or a NaN that `===` never matches).
 */
function indexedCandidates(list: unknown[], wanted: ResolvedMatch[]): number[] | undefined {
  let out: number[] | undefined;
  let several = false;
  for (const w of wanted) {
    if (w.in) return undefined;
    for (const [arg, index] of [
      [w.equals, positionsOf],
      [w.contains, elementPositionsOf],
    ] as const) {
      const value = arg?.value;
      if (value === undefined) continue;
      if (typeof value === 'number' && Number.isNaN(value) && index === positionsOf) return undefined;
      const at = index(list, w.path).get(value);
      if (!at) continue;
      if (out) several = true;
      out = out ? out.concat(at) : at;
    }
  }
  if (!out) return [];
  return several ? [...new Set(out)].sort((x, y) => x - y) : out;
}

export const find: Derivation = {
  name: 'find',
  description: 'The first item of a list matching any of the `where` alternatives (and none of the `except` ones); unknown if none does.',
  args: findArgs,
  compute(args, ctx) {
    const { list, indices, inputs } = matchingItems(args, ctx);
    const first = indices?.[0];
    if (first === undefined) {
      // Nothing matched: if what was sought is itself not stated, that is the gap to name.
      const unstatedKeys = inputs.slice(1).filter((i) => i.value === undefined);
      const looked = unstatedKeys.length > 0 ? unstatedKeys.flatMap((i) => i.looked) : list.pointer !== undefined ? [list.pointer] : list.looked;
      return { value: undefined, looked, params: paramsOf(...inputs) };
    }
    const pointer = list.pointer !== undefined ? `${list.pointer}/${first}` : undefined;
    return { value: (list.value as unknown[])[first], pointer, looked: pointer ? [pointer] : [], params: paramsOf(...inputs) };
  },
};

export const filter: Derivation = {
  name: 'filter',
  description: 'The items of a list matching any of the `where` alternatives and none of the `except` ones (possibly none); unknown when what is sought is not stated.',
  args: findArgs,
  compute(args, ctx) {
    const { list, indices, inputs } = matchingItems(args, ctx);
    if (indices === undefined) {
      const looked = Array.isArray(list.value) ? inputs.flatMap((i) => (i.value === undefined ? i.looked : [])) : list.looked;
      return { value: undefined, looked, params: paramsOf(...inputs) };
    }
    const value = indices.map((i) => (list.value as unknown[])[i]);
    const base = list.pointer;
    return { value, looked: list.looked, params: paramsOf(...inputs), ...(base !== undefined ? { itemPointers: indices.map((i) => `${base}/${i}`) } : {}) };
  },
};
