import { getAtSegments, isIndex, parsePointer } from '../../parse/pointer.js';

/**
 * Indexes of lists, by list and path, kept for reuse: a log audit looks up the same deployment lists
 * (users, roles, cameras) for every event, a camera's acts are sought among the same authorizations
 * for every camera, and a scan per lookup would cost events × items.
 *
 * A list is found again by its identity, so an index may be kept only while what it indexes cannot
 * have changed. The values at the path are fixed when the list and every object on the way to them
 * are frozen (a deployment parseConfig made is deep-frozen): such an index is kept as long as the
 * list lives. Any other list may be changed by its owner between two evaluations (evaluate takes
 * the caller's own objects without copying them), so its index serves one run only: `newRun`
 * starts the next.
 */
let run = 0;

/**
 * Starts an evaluation or an audit: the indexes of lists that were not frozen are made again when
 * next needed. Called once per public call, before anything is derived.
 */
export function newRun(): void {
  run++;
}

/** A list's index at one path, with the run it is valid for (undefined: for as long as the list lives). */
interface Kept {
  byValue: Map<unknown, number[]>;
  run: number | undefined;
}

const indexes = new WeakMap<unknown[], Map<string, Kept>>();
const elementIndexes = new WeakMap<unknown[], Map<string, Kept>>();

/**
 * Whether what getAtSegments reads from `value` can no longer change: every object it goes through
 * is frozen, and so is the value read when `whole` (a list whose elements are indexed).
 */
function fixedAt(value: unknown, segments: readonly string[], whole: boolean): boolean {
  let current = value;
  for (let i = 0; i < segments.length; i++) {
    // A primitive, or a frozen object without the segment, reads undefined for good.
    if (current === null || typeof current !== 'object') return true;
    if (!Object.isFrozen(current)) return false;
    const segment = segments[i]!;
    // One step of getAtSegments.
    if (Array.isArray(current)) {
      if (!isIndex(segment)) return true;
      current = current[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return true;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return !whole || current === null || typeof current !== 'object' || Object.isFrozen(current);
}

function kept(cache: WeakMap<unknown[], Map<string, Kept>>, list: unknown[], path: string, whole: boolean, build: (segments: readonly string[]) => Map<unknown, number[]>): Map<unknown, number[]> {
  let byPath = cache.get(list);
  if (!byPath) cache.set(list, (byPath = new Map()));
  const k = byPath.get(path);
  if (k && (k.run === undefined || k.run === run)) return k.byValue;
  const segments = parsePointer(path);
  let fixed = Object.isFrozen(list);
  for (let i = 0; fixed && i < list.length; i++) fixed = fixedAt(list[i], segments, whole);
  const byValue = build(segments);
  byPath.set(path, { byValue, run: fixed ? undefined : run });
  return byValue;
}

/** Positions of a list's items by their value at a path (items without one left out). */
export function positionsOf(list: unknown[], path: string): Map<unknown, number[]> {
  return kept(indexes, list, path, false, (segments) => {
    const byValue = new Map<unknown, number[]>();
    for (let i = 0; i < list.length; i++) {
      const v = getAtSegments(list[i], segments);
      if (v === undefined) continue;
      const at = byValue.get(v);
      if (at) at.push(i);
      else byValue.set(v, [i]);
    }
    return byValue;
  });
}

/** Positions of a list's items by each element of the list found at a path (an item containing a value). */
export function elementPositionsOf(list: unknown[], path: string): Map<unknown, number[]> {
  return kept(elementIndexes, list, path, true, (segments) => {
    const byElement = new Map<unknown, number[]>();
    for (let i = 0; i < list.length; i++) {
      const v = getAtSegments(list[i], segments);
      if (!Array.isArray(v)) continue;
      for (const e of v) {
        const at = byElement.get(e);
        if (!at) byElement.set(e, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
    }
    return byElement;
  });
}

/**
 * Whether values read at `paths` in the items of `list` stay as they are for as long as the list
 * lives (see fixedAt), for what is worked out once per list beyond these indexes.
 */
export function fixedList(list: unknown[], paths: readonly string[]): boolean {
  if (!Object.isFrozen(list)) return false;
  const parsed = paths.map(parsePointer);
  for (let i = 0; i < list.length; i++) for (const segments of parsed) if (!fixedAt(list[i], segments, true)) return false;
  return true;
}

/** The current run (see newRun), for what is worked out once per list and run beyond these indexes. */
export function currentRun(): number {
  return run;
}

/**
 * `compute(a, b)`, the value made for the last call given again while the two inputs are the same
 * objects in the same run: for a derived list made for one target that the next target most often
 * gets too (the acts covering a camera). Derived values are read, never changed, as the data they
 * come from.
 */
export function lastInRun<A, B, V>(compute: (a: A, b: B) => V): (a: A, b: B) => V {
  let lastA: A | undefined;
  let lastB: B | undefined;
  let last: V | undefined;
  let lastRun = -1;
  return (a, b) => {
    if (a === lastA && b === lastB && lastRun === run) return last as V;
    last = compute(a, b);
    lastA = a;
    lastB = b;
    lastRun = run;
    return last;
  };
}
