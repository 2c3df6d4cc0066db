import { Engine } from 'json-rules-engine';
import { getAtPointer } from '../parse/pointer.js';
import type { TopLevelCondition } from '../types.js';
import { customOperators } from './operators/index.js';
import type { ResultNode } from './three-valued.js';

/** Paths in rules are JSON Pointers, read with own-property lookups. */
export const pointerPathResolver = (value: unknown, path: string): unknown => getAtPointer(value, path);

type Comparable = number | string | boolean;
const isPlainValue = (v: unknown): v is Comparable => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
/** json-rules-engine's check on the fact side of its comparisons, kept as it is. */
const numeric = (v: unknown) => isPlainValue(v) && Number.parseFloat(String(v)).toString() !== 'NaN';
const COMPARISONS: Array<[string, (a: Comparable, b: Comparable) => boolean]> = [
  ['lessThan', (a, b) => a < b],
  ['lessThanInclusive', (a, b) => a <= b],
  ['greaterThan', (a, b) => a > b],
  ['greaterThanInclusive', (a, b) => a >= b],
];

/** A json-rules-engine engine holding one condition tree, with vigie's operators. */
export function conditionEngine(conditions: TopLevelCondition, name: string): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: pointerPathResolver as never });
  for (const op of customOperators) engine.addOperator(op.name, op.evaluate as (a: unknown, b: unknown) => boolean);
  // json-rules-engine's own `in` and `notIn` call `value.indexOf` and throw when a rule's value
  // (or the fact it names) is not a list: they are replaced by versions that answer false.
  for (const [name, want] of [['in', true], ['notIn', false]] as const) {
    engine.addOperator(name, ((a: unknown, b: unknown) => (Array.isArray(b) || typeof b === 'string') && b.indexOf(a as never) > -1 === want) as never);
  }
  // Its comparisons run `a < b` on whatever the value is: an object without a usable valueOf
  // or toString (a parameter table, `{ toString: 1 }`) throws. Same answers for plain values,
  // false for objects.
  for (const [name, compare] of COMPARISONS) {
    engine.addOperator(name, ((a: unknown, b: unknown) => numeric(a) && isPlainValue(a) && isPlainValue(b) && compare(a, b)) as never);
  }
  engine.addRule({ name, conditions: conditions as never, event: { type: name } });
  return engine;
}

/** Runs the tree on facts and returns it with each condition's `factResult`, `valueResult` and `result`. */
export async function runConditions(engine: Engine, facts: Record<string, unknown>): Promise<ResultNode> {
  const { results, failureResults } = await engine.run(facts);
  const ruleResult = results[0] ?? failureResults[0];
  if (!ruleResult) throw new Error('json-rules-engine returned no result');
  return ruleResult.conditions as unknown as ResultNode;
}
