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

/** json-rules-engine's built-in operators and decorators (v7). */
export const builtinOperatorNames = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;
export const operatorDecoratorNames = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

const byName = new Map(customOperators.map((o) => [o.name, o]));

export function customOperator(name: string): OperatorDefinition | undefined {
  return byName.get(name);
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
  if (!(builtinOperatorNames as readonly string[]).includes(base) && !byName.has(base)) return `unknown operator "${base}"`;
  return undefined;
}

export function allOperatorNames(): string[] {
  return [...builtinOperatorNames, ...customOperators.map((o) => o.name)];
}
