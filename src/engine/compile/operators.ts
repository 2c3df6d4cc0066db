import { registeredOperator } from '../operators/index.js';
import { isHole } from '../holes.js';

/**
 * Operators for compiled conditions, so that they compare values exactly as the reference engine.
 * Base operators, built-in names included, are the very functions json-rules-engine is given
 * (operators/index.ts registeredOperators): one definition for both engines. The decorators are
 * json-rules-engine's own, copied from 7.3 (engine-default-operator-decorators.js,
 * operator-decorator.js): a decorator wraps the next operator and may have its own validator.
 * The differential test checks the whole against the engine itself.
 */
export type OperatorFn = (factValue: unknown, jsonValue: unknown) => unknown;

type DecoratorCallback = (factValue: any, jsonValue: any, next: OperatorFn) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * `list.some((v) => next(v, other))` (`next(other, v)` with `elementFirst` false), the same answer
 * without the builtin, which is about ten times slower on the frozen arrays of a parsed deployment
 * (see isHole), nor a closure made on every comparison. Anything but an array still gets `.some`,
 * so that what throws in json-rules-engine throws here.
 */
function someWith(list: any, other: unknown, next: OperatorFn, elementFirst: boolean): boolean { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!Array.isArray(list)) return list.some((v: unknown) => (elementFirst ? next(v, other) : next(other, v)));
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i];
    if (!isHole(list, i, v) && (elementFirst ? next(v, other) : next(other, v))) return true;
  }
  return false;
}

/** `list.every(…)`, as someWith is `some`. */
function everyWith(list: any, other: unknown, next: OperatorFn, elementFirst: boolean): boolean { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!Array.isArray(list)) return list.every((v: unknown) => (elementFirst ? next(v, other) : next(other, v)));
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i];
    if (!isHole(list, i, v) && !(elementFirst ? next(v, other) : next(other, v))) return false;
  }
  return true;
}

const DECORATORS: Record<string, { cb: DecoratorCallback; validator?: (factValue: unknown) => boolean }> = {
  someFact: { cb: (f, j, next) => someWith(f, j, next, true), validator: Array.isArray },
  someValue: { cb: (f, j, next) => someWith(j, f, next, false) },
  everyFact: { cb: (f, j, next) => everyWith(f, j, next, true), validator: Array.isArray },
  everyValue: { cb: (f, j, next) => everyWith(j, f, next, false) },
  swap: { cb: (f, j, next) => next(j, f) },
  not: { cb: (f, j, next) => !next(f, j) },
};

/** Raised when a condition uses something the compiled evaluator does not reproduce. */
export class ConditionCompileError extends Error {
  override name = 'ConditionCompileError';
}

function baseOperator(name: string): OperatorFn | undefined {
  const op = registeredOperator(name);
  if (!op) return undefined;
  const evaluate = op.evaluate.bind(op);
  return (a, b) => evaluate(a, b);
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
