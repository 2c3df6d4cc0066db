import type { ParameterEvidence } from '../types.js';
import type { RawEvidence } from './evaluate-rule.js';

/**
 * The evidence as one object literal per set of keys it has, keys in the order reports have always
 * shown them; an absent part is no key at all. Built key by key from `{}`, the keys past the fourth
 * were kept in a separate array, which every listed finding kept alive (see report/finding-object.ts).
 */
export function evidenceObject(
  condition: string | undefined,
  pointer: string | undefined,
  fact: string,
  path: string | undefined,
  operator: string,
  actual: unknown,
  expected: unknown,
  parameter: ParameterEvidence | undefined,
): RawEvidence {
  if (condition === undefined) {
    if (path === undefined) return parameter === undefined ? { pointer, fact, operator, actual, expected } : { pointer, fact, operator, actual, expected, parameter };
    return parameter === undefined ? { pointer, fact, path, operator, actual, expected } : { pointer, fact, path, operator, actual, expected, parameter };
  }
  if (path === undefined) return parameter === undefined ? { condition, pointer, fact, operator, actual, expected } : { condition, pointer, fact, operator, actual, expected, parameter };
  return parameter === undefined ? { condition, pointer, fact, path, operator, actual, expected } : { condition, pointer, fact, path, operator, actual, expected, parameter };
}
