import { getAtPointer, parsePointer, segmentsReader, type PathReaders } from '../../parse/pointer.js';
import { type ArgumentCompiler, type Derivation, type DerivationContext, type DerivedValue, arg, isFactRef, paramsOf } from './derivation.js';
import { currentRun, elementPositionsOf, fixedList, lastInRun, positionsOf } from './list-index.js';
import { gathering, takeGathered } from '../gathering.js';

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

/** A match with its argument's value (undefined when not given or not stated). */
interface MatchValues {
  path: string;
  /** Reads `path` in an item (made once when compiled; getAtPointer otherwise). */
  read?: (item: unknown) => unknown;
  equals: unknown;
  contains: unknown;
  in: unknown;
}

function hits(item: unknown, m: MatchValues): boolean {
  const v = m.read !== undefined ? m.read(item) : getAtPointer(item, m.path);
  if (m.equals !== undefined && v === m.equals) return true;
  if (m.contains !== undefined && Array.isArray(v) && v.includes(m.contains)) return true;
  if (Array.isArray(m.in) && v !== undefined && m.in.includes(v)) return true;
  return false;
}

const stated = (m: MatchValues) => m.equals !== undefined || m.contains !== undefined || m.in !== undefined;

// Loops rather than some/forEach and their closures: this runs for every target and log event.
function anyHits(item: unknown, matches: MatchValues[]): boolean {
  for (let k = 0; k < matches.length; k++) if (hits(item, matches[k]!)) return true;
  return false;
}

function anyStated(matches: MatchValues[]): boolean {
  for (let k = 0; k < matches.length; k++) if (stated(matches[k]!)) return true;
  return false;
}

/**
 * Indices of the items of `list` matching any of the `wanted` alternatives and none of the
 * `excluded` ones (e.g. the acts listing a camera, except those that only authorize something
 * else); undefined when `list` is not a list or no alternative states what it seeks.
 */
function matchingIndices(list: unknown, wanted: MatchValues[], excluded: MatchValues[]): number[] | undefined {
  if (!Array.isArray(list)) return undefined;
  // When no alternative has a known argument, nothing can be said to match or not: unknown, not "none".
  if (!anyStated(wanted)) return undefined;
  const only = wanted.length === 1 && excluded.length === 0 ? wanted[0]! : undefined;
  if (only && only.contains === undefined && only.in === undefined && !isNaNValue(only.equals)) {
    // One equality: read the list's index rather than scanning it (the same lists serve every log event).
    // Not for NaN: a Map finds a NaN key, where `===` never matches NaN.
    return positionsOf(list, only.path).get(only.equals) ?? [];
  }
  // Small lists (a camera's masks) are scanned: an index per list would cost more than it saves.
  const candidates = list.length >= INDEXED_LENGTH ? indexedCandidates(list, wanted) : undefined;
  // Nothing to leave out: the candidates are the answer (an index's own list: read, never changed).
  if (candidates && excluded.length === 0) return candidates;
  found.count = 0;
  if (candidates) {
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k]!;
      if (!anyHits(list[i], excluded)) found.items[found.count++] = i;
    }
    return takeGathered(found, false);
  }
  // A hole of a sparse list hits nothing (no value is undefined-equal), as forEach skipped it.
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (anyHits(item, wanted) && !anyHits(item, excluded)) found.items[found.count++] = i;
  }
  return takeGathered(found, false);
}

/** Where matchingIndices gathers positions (see gathering.ts). */
const found = gathering<number>();

const INDEXED_LENGTH = 6;

const isNaNValue = (v: unknown) => typeof v === 'number' && Number.isNaN(v);

/**
 * The positions of the items some `equals`/`contains` alternative hits, ascending, read from the
 * list's indexes instead of scanning it (a camera's acts are sought among the same authorizations
 * for every camera). Undefined when an alternative needs a scan (`in`, or a NaN that `===` never
 * matches). Each index lists positions ascending, once each: several are merged, not sorted.
 */
function indexedCandidates(list: unknown[], wanted: MatchValues[]): number[] | undefined {
  for (let k = 0; k < wanted.length; k++) {
    const w = wanted[k]!;
    if (w.in !== undefined || isNaNValue(w.equals)) return undefined;
  }
  let out: number[] | undefined;
  for (let k = 0; k < wanted.length; k++) {
    const w = wanted[k]!;
    if (w.equals !== undefined) out = mergeAscending(out, positionsOf(list, w.path).get(w.equals));
    if (w.contains !== undefined) out = mergeAscending(out, elementPositionsOf(list, w.path).get(w.contains));
  }
  return out ?? [];
}

/** The positions in `a` or `b` (both ascending, without repeats), ascending, each once; `a` or `b` itself when the other is empty. */
function mergeAscending(a: number[] | undefined, b: number[] | undefined): number[] | undefined {
  if (!b || b.length === 0) return a ?? b;
  if (!a || a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) {
      out.push(x);
      i++;
      if (x === y) j++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

type FindArgs = { in: unknown; where: Match[]; except?: Match[] };

/** The items matching the arguments, each argument with its provenance (for what was looked for when none does). */
function matchingItems(args: unknown, ctx: DerivationContext): { list: DerivedValue; indices: number[] | undefined; inputs: DerivedValue[] } {
  const a = args as FindArgs;
  const list = ctx.resolve(a.in);
  const inputs = [list];
  const wanted = matchesOf(a.where, ctx, inputs);
  const excluded = a.except ? matchesOf(a.except, ctx, inputs) : [];
  return { list, indices: matchingIndices(list.value, wanted, excluded), inputs };
}

/** The matches with their arguments' values; each argument read is added to `inputs`, in order. */
function matchesOf(matches: Match[], ctx: DerivationContext, inputs: DerivedValue[]): MatchValues[] {
  const out: MatchValues[] = [];
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const equals = argumentValue(m, 'equals', ctx, inputs);
    const contains = argumentValue(m, 'contains', ctx, inputs);
    out.push({ path: m.path, equals, contains, in: argumentValue(m, 'in', ctx, inputs) });
  }
  return out;
}

function argumentValue(m: Match, key: 'equals' | 'contains' | 'in', ctx: DerivationContext, inputs: DerivedValue[]): unknown {
  if (!(key in m)) return undefined;
  const r = ctx.resolve(m[key]);
  inputs.push(r);
  return r.value;
}

/**
 * matchingIndices compiled over a rule's arguments. The matches' values, and the result, are
 * written into objects made once: each is read before the next call.
 *
 * For a list met at two calls in a row (the deployment's acts, sought for every camera), what does
 * not depend on the target is worked out once: the items the alternatives of literal arguments hit
 * (`all` cameras), whether each item is left out when every `except` argument is a literal, and the
 * indexes the other alternatives are looked up in; kept for good when the list cannot change, else
 * for one run, as list indexes are (see list-index.ts). Each call then looks up only what its
 * target states. The result is matchingIndices' own, in the same order (see the tests).
 */
function compileMatching<F>(args: unknown, arg: ArgumentCompiler<F>, readers: PathReaders = segmentsReader): (frame: F) => { list: unknown; indices: number[] | undefined } {
  const a = args as FindArgs;
  const list = arg(a.in);
  const none = () => undefined;
  const literalArguments = (m: Match) => !(['equals', 'contains', 'in'] as const).some((key) => key in m && isFactRef(m[key]));
  const compileMatch = (m: Match) => {
    const [equals, contains, within] = (['equals', 'contains', 'in'] as const).map((key) => (key in m ? arg(m[key]) : none));
    const values: MatchValues = { path: m.path, read: readers(parsePointer(m.path)), equals: undefined, contains: undefined, in: undefined };
    return (frame: F): MatchValues => {
      values.equals = equals!(frame);
      values.contains = contains!(frame);
      values.in = within!(frame);
      return values;
    };
  };
  const wanted = a.where.map(compileMatch);
  const excluded = (a.except ?? []).map(compileMatch);
  const wantedValues: MatchValues[] = [];
  const excludedValues: MatchValues[] = [];
  const result: { list: unknown; indices: number[] | undefined } = { list: undefined, indices: undefined };
  const direct = (frame: F, l: unknown) => {
    for (let i = 0; i < wanted.length; i++) wantedValues[i] = wanted[i]!(frame);
    for (let i = 0; i < excluded.length; i++) excludedValues[i] = excluded[i]!(frame);
    result.list = l;
    result.indices = matchingIndices(l, wantedValues, excludedValues);
    return result;
  };
  // Worth it only with something of the target's own to look up among items that do not change.
  const literalWhere = a.where.map(literalArguments);
  const variable = a.where.map((_, k) => k).filter((k) => !literalWhere[k]);
  const literalExcept = (a.except ?? []).every(literalArguments);
  if (variable.length === 0 || (variable.length === a.where.length && (excluded.length === 0 || !literalExcept))) return (frame) => direct(frame, list(frame));

  const paths = a.where.map((m) => m.path);
  const allPaths = [...paths, ...(a.except ?? []).map((m) => m.path)];
  let last: unknown;
  let known: KnownList | undefined;
  return (frame) => {
    const l = list(frame);
    if (l !== last || !Array.isArray(l) || l.length < INDEXED_LENGTH) {
      last = l;
      known = undefined;
      return direct(frame, l);
    }
    if (known === undefined || (known.run !== undefined && known.run !== currentRun())) {
      for (let i = 0; i < excluded.length; i++) excludedValues[i] = excluded[i]!(frame);
      known = knownList(l, a.where.map((m, k) => (literalWhere[k] ? wanted[k]!(frame) : undefined)), literalExcept ? excludedValues : undefined);
      known.run = fixedList(l, allPaths) ? undefined : currentRun();
    }
    let stated = known.stated;
    let hits = known.hits;
    for (let j = 0; j < variable.length; j++) {
      const k = variable[j]!;
      const w = wanted[k]!(frame);
      // `in` (a scan) and NaN (never `===`) are for matchingIndices itself.
      if (w.in !== undefined || isNaNValue(w.equals)) return direct(frame, l);
      if (w.equals !== undefined) {
        stated = true;
        hits = mergeAscending(hits, (known.equalsIndex[k] ??= positionsOf(l, paths[k]!)).get(w.equals));
      }
      if (w.contains !== undefined) {
        stated = true;
        hits = mergeAscending(hits, (known.containsIndex[k] ??= elementPositionsOf(l, paths[k]!)).get(w.contains));
      }
    }
    result.list = l;
    if (!stated) result.indices = undefined;
    else if (hits === undefined || excluded.length === 0) result.indices = hits ?? [];
    else {
      // Most often nothing is left out: the hits are then the answer (read, never changed), and no
      // list is made per target. A list made by push is given room for 17 positions at once.
      let kept: number[] | undefined;
      const at = known.excludedAt;
      if (at === undefined) for (let i = 0; i < excluded.length; i++) excludedValues[i] = excluded[i]!(frame);
      for (let n = 0; n < hits.length; n++) {
        const i = hits[n]!;
        const out = at !== undefined ? at[i] : anyHits(l[i], excludedValues);
        if (out) kept ??= hits.slice(0, n);
        else if (kept !== undefined) kept.push(i);
      }
      result.indices = kept ?? hits;
    }
    return result;
  };
}

/** What compileMatching works out once for a list: see there. */
interface KnownList {
  /** The positions the alternatives of literal arguments hit, ascending (undefined: none). */
  hits: number[] | undefined;
  /** Whether one of those alternatives states what it seeks. */
  stated: boolean;
  /** Per position, whether an `except` alternative hits the item, when all their arguments are literals. */
  excludedAt: boolean[] | undefined;
  /** Per alternative, the list's index by the value at its path (made when first needed). */
  equalsIndex: Array<Map<unknown, number[]> | undefined>;
  /** Per alternative, the list's index by the elements of the list at its path. */
  containsIndex: Array<Map<unknown, number[]> | undefined>;
  /** The run this is valid for; undefined when the list cannot change (see list-index.ts). */
  run: number | undefined;
}

/** `literal` holds the values of the alternatives of literal arguments, undefined for the others. */
function knownList(list: unknown[], literal: Array<MatchValues | undefined>, excluded: MatchValues[] | undefined): KnownList {
  const fixed = literal.filter((m): m is MatchValues => m !== undefined).map((m) => ({ ...m }));
  const hits: number[] = [];
  for (let i = 0; i < list.length; i++) if (anyHits(list[i], fixed)) hits.push(i);
  let excludedAt: boolean[] | undefined;
  if (excluded) {
    excludedAt = [];
    for (let i = 0; i < list.length; i++) excludedAt.push(anyHits(list[i], excluded));
  }
  return { hits: hits.length > 0 ? hits : undefined, stated: anyStated(fixed), excludedAt, equalsIndex: [], containsIndex: [], run: undefined };
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
  compileValue(args, arg, _asOf, readers) {
    const matching = compileMatching(args, arg, readers);
    return (frame) => {
      const { list, indices } = matching(frame);
      const first = indices?.[0];
      return first === undefined ? undefined : (list as unknown[])[first];
    };
  },
};

export const filter: Derivation = {
  name: 'filter',
  description: 'The items of a list matching any of the `where` alternatives and none of the `except` ones (possibly none); unknown when what is sought is not stated.',
  pointerless: true,
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
  compileValue(args, arg, _asOf, readers) {
    const matching = compileMatching(args, arg, readers);
    // The same positions in the same list, in one run, are the same items.
    const items = lastInRun((list: unknown[], indices: number[]) => indices.map((i) => list[i]));
    return (frame) => {
      const { list, indices } = matching(frame);
      return indices === undefined ? undefined : items(list as unknown[], indices);
    };
  },
};
