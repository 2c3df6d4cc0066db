import type { Engine } from 'json-rules-engine';
import { getAtPointer } from '../parse/pointer.js';
import type { TopLevelCondition } from '../types.js';
import { registeredOperators } from './operators/index.js';
import type { ResultNode } from './three-valued.js';

/** Paths in rules are JSON Pointers, read with own-property lookups. */
export const pointerPathResolver = (value: unknown, path: string): unknown => getAtPointer(value, path);

let engineModule: Promise<typeof import('json-rules-engine')> | undefined;

/**
 * json-rules-engine, imported when first needed: only `engine: 'reference'` and the equivalence
 * tests run it, and importing it (with jsonpath-plus and its other dependencies) took about 40 ms
 * of every start.
 */
function jsonRulesEngine(): Promise<typeof import('json-rules-engine')> {
  engineModule ??= import('json-rules-engine');
  return engineModule;
}

/** A json-rules-engine engine holding one condition tree, with vigie's operators. */
export async function conditionEngine(conditions: TopLevelCondition, name: string): Promise<Engine> {
  const { Engine } = await jsonRulesEngine();
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: pointerPathResolver as never });
  // Built-in names included: vigie's versions replace json-rules-engine's defaults (operators/builtin.ts).
  for (const op of registeredOperators) engine.addOperator(op.name, op.evaluate.bind(op) as (a: unknown, b: unknown) => boolean);
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
