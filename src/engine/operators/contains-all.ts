import type { OperatorDefinition } from './operator.js';
import { isHole } from '../holes.js';

/** The converse of `subsetOf`, so that a rule can keep the input on the fact side (and in the evidence). */
export const containsAll: OperatorDefinition = {
  name: 'containsAll',
  description: 'The fact (a list) contains every element of the value (a list).',
  evaluate(fact, expected) {
    if (!Array.isArray(fact) || !Array.isArray(expected)) return false;
    // every's answer, without its slow path on frozen arrays (see isHole).
    for (let i = 0; i < expected.length; i++) {
      const x: unknown = expected[i];
      if (!isHole(expected, i, x) && !fact.includes(x)) return false;
    }
    return true;
  },
};
