import { getAtPointer } from '../../parse/pointer.js';

/**
 * Positions of a list's items by their value at a path, built once per list and path: a log audit
 * looks up the same deployment lists (users, roles, cameras) for every event, and a scan per lookup
 * would cost events × items. Keyed weakly by the list, so it lives as long as the deployment does.
 */
const indexes = new WeakMap<unknown[], Map<string, Map<unknown, number[]>>>();

export function positionsOf(list: unknown[], path: string): Map<unknown, number[]> {
  let byPath = indexes.get(list);
  if (!byPath) indexes.set(list, (byPath = new Map()));
  let byValue = byPath.get(path);
  if (!byValue) {
    byValue = new Map();
    for (let i = 0; i < list.length; i++) {
      const v = getAtPointer(list[i], path);
      if (v === undefined) continue;
      const at = byValue.get(v);
      if (at) at.push(i);
      else byValue.set(v, [i]);
    }
    byPath.set(path, byValue);
  }
  return byValue;
}

const elementIndexes = new WeakMap<unknown[], Map<string, Map<unknown, number[]>>>();

/** Positions of a list's items by each element of the list found at a path (an item containing a value), built once per list and path. */
export function elementPositionsOf(list: unknown[], path: string): Map<unknown, number[]> {
  let byPath = elementIndexes.get(list);
  if (!byPath) elementIndexes.set(list, (byPath = new Map()));
  let byElement = byPath.get(path);
  if (!byElement) {
    byElement = new Map();
    for (let i = 0; i < list.length; i++) {
      const v = getAtPointer(list[i], path);
      if (!Array.isArray(v)) continue;
      for (const e of v) {
        const at = byElement.get(e);
        if (!at) byElement.set(e, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
    }
    byPath.set(path, byElement);
  }
  return byElement;
}
