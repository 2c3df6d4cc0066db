import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/engine/facts.js';
import type { RuleDefinition } from '../../src/types.js';

/** Derives `result` with keysNotEqual over the target's `/flags`, as a rule file would. */
function derive(flags: unknown, keys: unknown = ['a', 'b', 'c']) {
  const rule = { facts: { result: { keysNotEqual: { of: { fact: 'target', path: '/flags' }, keys, equals: true } } } } as unknown as RuleDefinition;
  const target = flags === undefined ? {} : { flags };
  return buildFacts(rule, { target, pointer: '/things/0', deployment: {}, params: {}, asOf: '2026-01-01' }).get('result')!;
}

describe('keysNotEqual', () => {
  it('is the empty list when every key is stated with the wanted value', () => {
    expect(derive({ a: true, b: true, c: true, other: false }).value).toEqual([]);
  });

  it('lists the stated keys whose value differs, located at the object', () => {
    const r = derive({ a: true, b: false, c: 'yes' });
    expect(r.value).toEqual(['b', 'c']);
    expect(r.pointer).toBe('/things/0/flags');
  });

  it('is known as soon as one stated key differs, even if others are not stated', () => {
    expect(derive({ a: false }).value).toEqual(['a']);
  });

  it('is unknown, naming the unstated keys, when none of the stated ones differs', () => {
    const r = derive({ a: true });
    expect(r.value).toBeUndefined();
    expect(r.looked).toEqual(['/things/0/flags/b', '/things/0/flags/c']);
  });

  it('is unknown, naming the object, when the object itself is not stated', () => {
    const r = derive(undefined);
    expect(r.value).toBeUndefined();
    expect(r.looked).toEqual(['/things/0/flags']);
  });

  it('is unknown when the list of keys is', () => {
    expect(derive({ a: true }, { fact: 'param', path: '/nothing' }).value).toBeUndefined();
  });
});
