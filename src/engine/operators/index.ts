import { builtinOperators } from './builtin.js';
import { containsAll } from './contains-all.js';
import { dateAfter, dateBefore, dateOnOrAfter, dateOnOrBefore } from './date-compare.js';
import { isKnown } from './known.js';
import type { OperatorDefinition } from './operator.js';
import { disjointFrom, intersects, subsetOf } from './sets.js';

export type { OperatorDefinition } from './operator.js';

/** The operators vigie adds to json-rules-engine's own. Rule packs cannot bring code: only these. */
export const customOperators: OperatorDefinition[] = [
  dateBefore,
  dateOnOrBefore,
  dateAfter,
  dateOnOrAfter,
  subsetOf,
  intersects,
  disjointFrom,
  containsAll,
  isKnown,
];

export { builtinOperatorNames, builtinOperators, type BuiltinOperatorName } from './builtin.js';

/** json-rules-engine's operator decorators (v7), run as the engine defines them. */
export const operatorDecoratorNames = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

/**
 * Every operator a condition may name, built-in and vigie's own: the single definition both
 * engines use (json-rules-engine registers each over its defaults; the compiler calls the same
 * functions), so they cannot decide differently.
 */
export const registeredOperators: readonly OperatorDefinition[] = [...builtinOperators, ...customOperators];

const byName = new Map(customOperators.map((o) => [o.name, o]));
const registeredByName = new Map(registeredOperators.map((o) => [o.name, o]));

export function customOperator(name: string): OperatorDefinition | undefined {
  return byName.get(name);
}

/** The operator a condition names (without decorators), or undefined. */
export function registeredOperator(name: string): OperatorDefinition | undefined {
  return registeredByName.get(name);
}

/** Splits `everyFact:not:equal` into its decorators and base operator. */
export function splitOperator(name: string): { decorators: string[]; base: string } {
  const parts = name.split(':');
  return { decorators: parts.slice(0, -1), base: parts[parts.length - 1]! };
}

/** Why an operator name cannot be used, or undefined if it can. */
export function checkOperatorName(name: string): string | undefined {
  const { decorators, base } = splitOperator(name);
  const bad = decorators.find((d) => !(operatorDecoratorNames as readonly string[]).includes(d));
  if (bad) return `unknown operator decorator "${bad}"`;
  if (!registeredByName.has(base)) return `unknown operator "${base}"`;
  return undefined;
}

export function allOperatorNames(): string[] {
  return registeredOperators.map((o) => o.name);
}
