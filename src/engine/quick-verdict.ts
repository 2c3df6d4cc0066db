import { getAtPointer } from '../parse/pointer.js';
import type { ConditionNode } from '../types.js';
import type { FactTable } from './facts.js';
import { customOperator, splitOperator } from './operators/index.js';
import { isValueFactRef, type Truth } from './three-valued.js';

/**
 * The truth of a condition tree decided without json-rules-engine, when every leaf is simple: an
 * operator of vigie (pure functions) or json-rules-engine's `equal`/`notEqual`/`in`/`notIn`, no
 * decorator, and known values. Undefined otherwise, and for any unknown value: the engine then
 * decides, as always. Used only for outcomes nobody will read the evidence of (passes and
 * not-applicable events of a large log), where running the engine costs most of an audit's time.
 */
export function quickTruth(node: ConditionNode, table: FactTable): Exclude<Truth, 'U'> | undefined {
  if ('all' in node || 'any' in node) {
    const children = 'all' in node ? node.all : node.any;
    const absorbing = 'all' in node ? 'F' : 'T';
    let undecided = false;
    for (const c of children) {
      const t = quickTruth(c, table);
      if (t === absorbing) return t;
      if (t === undefined) undecided = true;
    }
    return undecided ? undefined : absorbing === 'F' ? 'T' : 'F';
  }
  if ('not' in node) {
    const t = quickTruth(node.not, table);
    return t === undefined ? undefined : t === 'T' ? 'F' : 'T';
  }
  const { decorators, base } = splitOperator(node.operator);
  if (decorators.length > 0) return undefined;
  const fact = getAtPointer(table.get(node.fact)?.value, node.path ?? '');
  const value = isValueFactRef(node.value) ? getAtPointer(table.get(node.value.fact)?.value, node.value.path ?? '') : node.value;
  const custom = customOperator(base);
  if (custom) {
    if (!custom.acceptsUnknown && (fact === undefined || value === undefined)) return undefined;
    return custom.evaluate(fact, value) ? 'T' : 'F';
  }
  if (fact === undefined || value === undefined) return undefined;
  switch (base) {
    case 'equal':
      return fact === value ? 'T' : 'F';
    case 'notEqual':
      return fact !== value ? 'T' : 'F';
    case 'in':
      return Array.isArray(value) ? (value.includes(fact) ? 'T' : 'F') : undefined;
    case 'notIn':
      return Array.isArray(value) ? (value.includes(fact) ? 'F' : 'T') : undefined;
    default:
      return undefined;
  }
}
