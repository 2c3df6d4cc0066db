import { instantOf } from '../derivations/derivation.js';
import type { OperatorDefinition } from './operator.js';

/** Compares dates as instants, never as strings ("2024-5-1" and "2024-05-01T00:00Z" are not compared lexically). */
function instant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = instantOf(value);
  return Number.isNaN(t) ? undefined : t;
}

function dateOperator(name: string, description: string, test: (a: number, b: number) => boolean): OperatorDefinition {
  return {
    name,
    description,
    evaluate(factValue, expected) {
      const a = instant(factValue);
      const b = instant(expected);
      return a !== undefined && b !== undefined && test(a, b);
    },
  };
}

export const dateBefore = dateOperator('dateBefore', 'The fact is a date strictly before the value.', (a, b) => a < b);
export const dateOnOrBefore = dateOperator('dateOnOrBefore', 'The fact is a date on or before the value.', (a, b) => a <= b);
export const dateAfter = dateOperator('dateAfter', 'The fact is a date strictly after the value.', (a, b) => a > b);
export const dateOnOrAfter = dateOperator('dateOnOrAfter', 'The fact is a date on or after the value.', (a, b) => a >= b);
