import { comparePointers } from '../parse/pointer.js';
import type { Finding } from '../types.js';

/** A stable order: input file, then rule id, then target in document order. */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location?.file ?? '';
  const fb = b.location?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  if (a.ruleId !== b.ruleId) return compareRuleIds(a.ruleId, b.ruleId);
  return comparePointers(a.pointer, b.pointer);
}

export const compareRuleIds = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

/** Whether `list` is already in the order `compare` gives. */
export function isSorted<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}
