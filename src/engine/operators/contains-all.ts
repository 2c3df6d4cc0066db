import type { OperatorDefinition } from './operator.js';
import { everyIn } from './sets.js';

/** The converse of `subsetOf`, so that a rule can keep the input on the fact side (and in the evidence). */
export const containsAll: OperatorDefinition = {
  name: 'containsAll',
  description: 'The fact (a list) contains every element of the value (a list).',
  evaluate(fact, expected) {
    return Array.isArray(fact) && Array.isArray(expected) && everyIn(expected, fact);
  },
};
