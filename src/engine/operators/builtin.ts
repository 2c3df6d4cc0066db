import type { OperatorDefinition } from './operator.js';

/** json-rules-engine's built-in operator names (v7): vigie registers its own version of each. */
export const builtinOperatorNames = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;
export type BuiltinOperatorName = (typeof builtinOperatorNames)[number];

type Comparable = number | string | boolean;
const isPlainValue = (v: unknown): v is Comparable => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
/**
 * json-rules-engine's check on the fact side of its comparisons: `parseFloat(v).toString() !==
 * 'NaN'`. For a number that is "not NaN" (its text always parses back to a number, `Infinity`
 * included) and for a boolean false ("true" does not parse): only a string is parsed, as
 * json-rules-engine parses it, which spares the text of every number compared.
 */
const numeric = (v: unknown) =>
  typeof v === 'number' ? !Number.isNaN(v) : typeof v === 'string' && Number.parseFloat(v).toString() !== 'NaN';
const isList = (v: unknown): v is unknown[] | string => Array.isArray(v) || typeof v === 'string';

function comparison(name: BuiltinOperatorName, description: string, compare: (a: Comparable, b: Comparable) => boolean): OperatorDefinition {
  // A null value compares as json-rules-engine compares it (as 0); an object does not compare at all.
  return { name, description, evaluate: (a, b) => numeric(a) && (isPlainValue(b) || b === null) && compare(a as Comparable, b as Comparable) };
}

/**
 * The built-in operators as vigie runs them, in both engines: the json-rules-engine reference
 * (registered over its defaults) and the compiled fast path. They answer as json-rules-engine 7.3
 * does on the values it accepts; where its own version throws — `in`/`notIn` call `value.indexOf`
 * on whatever the value is, the comparisons run `a < b` on objects without a usable valueOf or
 * toString (a parameter table, `{ toString: 1 }`) — these answer false instead.
 */
export const builtinOperators: readonly OperatorDefinition[] = [
  { name: 'equal', description: 'The fact is the value (===).', evaluate: (a, b) => a === b },
  { name: 'notEqual', description: 'The fact is not the value (!==).', evaluate: (a, b) => a !== b },
  { name: 'in', description: 'The fact is an element of the value (a list); false when the value is not a list.', evaluate: (a, b) => isList(b) && b.indexOf(a as never) > -1 },
  { name: 'notIn', description: 'The fact is not an element of the value (a list); false when the value is not a list.', evaluate: (a, b) => isList(b) && b.indexOf(a as never) === -1 },
  { name: 'contains', description: 'The fact (a list) has the value as an element.', evaluate: (a, b) => Array.isArray(a) && a.indexOf(b) > -1 },
  { name: 'doesNotContain', description: 'The fact (a list) does not have the value as an element.', evaluate: (a, b) => Array.isArray(a) && a.indexOf(b) === -1 },
  comparison('lessThan', 'The fact (a number) is less than the value.', (a, b) => a < b),
  comparison('lessThanInclusive', 'The fact (a number) is less than or equal to the value.', (a, b) => a <= b),
  comparison('greaterThan', 'The fact (a number) is greater than the value.', (a, b) => a > b),
  comparison('greaterThanInclusive', 'The fact (a number) is greater than or equal to the value.', (a, b) => a >= b),
];
