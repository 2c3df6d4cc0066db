import type { OperatorDefinition } from './operator.js';

/** The converse of `subsetOf`, so that a rule can keep the input on the fact side (and in the evidence). */
export const containsAll: OperatorDefinition = {
  name: 'containsAll',
  description: 'The fact (a list) contains every element of the value (a list).',
  evaluate(fact, expected) {
    if (!Array.isArray(fact) || !Array.isArray(expected)) return false;
    return expected.every((x) => fact.includes(x));
  },
};
