import type { OperatorDefinition } from './operator.js';

export const isKnown: OperatorDefinition = {
  name: 'isKnown',
  description: 'The fact is stated (value true) or not stated (value false) in the input.',
  acceptsUnknown: true,
  evaluate(fact, expected) {
    return (fact !== undefined) === (expected !== false);
  },
};
