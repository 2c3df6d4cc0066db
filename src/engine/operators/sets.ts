import type { OperatorDefinition } from './operator.js';

const asArray = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

export const subsetOf: OperatorDefinition = {
  name: 'subsetOf',
  description: 'Every element of the fact (a list) is in the value (a list).',
  evaluate(fact, expected) {
    const a = asArray(fact);
    const b = asArray(expected);
    return a !== undefined && b !== undefined && a.every((x) => b.includes(x));
  },
};

export const intersects: OperatorDefinition = {
  name: 'intersects',
  description: 'The fact (a list) and the value (a list) share at least one element.',
  evaluate(fact, expected) {
    const a = asArray(fact);
    const b = asArray(expected);
    return a !== undefined && b !== undefined && a.some((x) => b.includes(x));
  },
};

export const disjointFrom: OperatorDefinition = {
  name: 'disjointFrom',
  description: 'The fact (a list) and the value (a list) share no element.',
  evaluate(fact, expected) {
    const a = asArray(fact);
    const b = asArray(expected);
    return a !== undefined && b !== undefined && !a.some((x) => b.includes(x));
  },
};
