import type { OperatorDefinition } from './operator.js';
import { isHole } from '../holes.js';

const asArray = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

// Loops rather than every/some with a closure: these run on every target (holes skipped, see isHole).
/** Whether every element of `a` is in `b`: `a.every((x) => b.includes(x))`. */
export function everyIn(a: unknown[], b: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (!isHole(a, i, v) && !b.includes(v)) return false;
  }
  return true;
}

function someIn(a: unknown[], b: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (!isHole(a, i, v) && b.includes(v)) return true;
  }
  return false;
}

export const subsetOf: OperatorDefinition = {
  name: 'subsetOf',
  description: 'Every element of the fact (a list) is in the value (a list).',
  evaluate(fact, expected) {
    const a = asArray(fact);
    const b = asArray(expected);
    return a !== undefined && b !== undefined && everyIn(a, b);
  },
};

export const intersects: OperatorDefinition = {
  name: 'intersects',
  description: 'The fact (a list) and the value (a list) share at least one element.',
  evaluate(fact, expected) {
    const a = asArray(fact);
    const b = asArray(expected);
    return a !== undefined && b !== undefined && someIn(a, b);
  },
};

export const disjointFrom: OperatorDefinition = {
  name: 'disjointFrom',
  description: 'The fact (a list) and the value (a list) share no element.',
  evaluate(fact, expected) {
    const a = asArray(fact);
    const b = asArray(expected);
    return a !== undefined && b !== undefined && !someIn(a, b);
  },
};
