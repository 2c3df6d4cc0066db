import { Engine } from 'json-rules-engine';
import { getAtPointer } from '../parse/pointer.js';
import type { TopLevelCondition } from '../types.js';
import { customOperators } from './operators/index.js';
import type { ResultNode } from './three-valued.js';

/** Paths in rules are JSON Pointers, read with own-property lookups. */
export const pointerPathResolver = (value: unknown, path: string): unknown => getAtPointer(value, path);

/** A json-rules-engine engine holding one condition tree, with vigie's operators. */
export function conditionEngine(conditions: TopLevelCondition, name: string): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: pointerPathResolver as never });
  for (const op of customOperators) engine.addOperator(op.name, op.evaluate as (a: unknown, b: unknown) => boolean);
  // json-rules-engine's own `in` and `notIn` call `value.indexOf` and throw when a rule's value
  // (or the fact it names) is not a list: they are replaced by versions that answer false.
  for (const [name, want] of [['in', true], ['notIn', false]] as const) {
    engine.addOperator(name, ((a: unknown, b: unknown) => (Array.isArray(b) || typeof b === 'string') && b.indexOf(a as never) > -1 === want) as never);
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
