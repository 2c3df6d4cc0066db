import { customOperator } from '../operators/index.js';

/**
 * json-rules-engine's operators as plain functions, so that a compiled condition compares values
 * exactly as the engine does. Copied from json-rules-engine 7.3 (engine-default-operators.js,
 * engine-default-operator-decorators.js, operator.js, operator-decorator.js): an operator is
 * `factValueValidator(fact) && callback(fact, value)`; a decorator wraps the next operator and may
 * have its own validator. The differential test checks these against the engine itself.
 */
export type OperatorFn = (factValue: unknown, jsonValue: unknown) => unknown;

type Callback = (a: any, b: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
type DecoratorCallback = (factValue: any, jsonValue: any, next: OperatorFn) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

function numberValidator(factValue: unknown): boolean {
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

const withValidator = (cb: Callback, validator?: (factValue: unknown) => boolean): OperatorFn =>
  validator ? (a, b) => validator(a) && cb(a, b) : cb;

const BUILTIN: Record<string, OperatorFn> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: withValidator((a, b) => b.indexOf(a) > -1),
  notIn: withValidator((a, b) => b.indexOf(a) === -1),
  contains: withValidator((a, b) => a.indexOf(b) > -1, Array.isArray),
  doesNotContain: withValidator((a, b) => a.indexOf(b) === -1, Array.isArray),
  lessThan: withValidator((a, b) => a < b, numberValidator),
  lessThanInclusive: withValidator((a, b) => a <= b, numberValidator),
  greaterThan: withValidator((a, b) => a > b, numberValidator),
  greaterThanInclusive: withValidator((a, b) => a >= b, numberValidator),
};

const DECORATORS: Record<string, { cb: DecoratorCallback; validator?: (factValue: unknown) => boolean }> = {
  someFact: { cb: (f, j, next) => f.some((fv: unknown) => next(fv, j)), validator: Array.isArray },
  someValue: { cb: (f, j, next) => j.some((jv: unknown) => next(f, jv)) },
  everyFact: { cb: (f, j, next) => f.every((fv: unknown) => next(fv, j)), validator: Array.isArray },
  everyValue: { cb: (f, j, next) => j.every((jv: unknown) => next(f, jv)) },
  swap: { cb: (f, j, next) => next(j, f) },
  not: { cb: (f, j, next) => !next(f, j) },
};

/** Raised when a condition uses something the compiled evaluator does not reproduce. */
export class ConditionCompileError extends Error {
  override name = 'ConditionCompileError';
}

function baseOperator(name: string): OperatorFn | undefined {
  // vigie registers its operators after json-rules-engine's defaults, so a custom one wins.
  const custom = customOperator(name);
  if (custom) {
    const evaluate = custom.evaluate.bind(custom);
    return (a, b) => evaluate(a, b);
  }
  return Object.prototype.hasOwnProperty.call(BUILTIN, name) ? BUILTIN[name] : undefined;
}

/**
 * The function json-rules-engine's OperatorMap.get would build for `name` (`not:in`,
 * `everyFact:lessThan`…): decorators are peeled from the left, the leftmost wraps outermost.
 * Throws ConditionCompileError for a name the engine would not know.
 */
export function resolveOperator(name: string): OperatorFn {
  if (typeof name !== 'string') throw new ConditionCompileError(`operator must be a string, got ${JSON.stringify(name)}`);
  const decorators: string[] = [];
  let rest = name;
  let op = baseOperator(rest);
  while (!op) {
    const i = rest.indexOf(':');
    if (i <= 0) throw new ConditionCompileError(`unknown operator "${name}"`);
    const decorator = rest.slice(0, i);
    if (!Object.prototype.hasOwnProperty.call(DECORATORS, decorator)) throw new ConditionCompileError(`unknown operator decorator "${decorator}" in "${name}"`);
    decorators.unshift(decorator);
    rest = rest.slice(i + 1);
    op = baseOperator(rest);
  }
  for (const d of decorators) {
    const { cb, validator } = DECORATORS[d]!;
    const next: OperatorFn = op;
    op = validator ? (f, j) => validator(f) && cb(f, j, next) : (f, j) => cb(f, j, next);
  }
  return op;
}
