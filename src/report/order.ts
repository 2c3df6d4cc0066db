import { comparePointers } from '../parse/pointer.js';
import type { Finding } from '../types.js';

/** A stable order: input file, then rule id, then target in document order. */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location?.file ?? '';
  const fb = b.location?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return comparePointers(a.pointer, b.pointer);
}
