import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/engine/facts.js';
import type { RuleDefinition } from '../../src/types.js';

/** Derives `found`: the item of /things whose /id equals the target's /ref, as a rule file would. */
function findRef(target: unknown, deployment: unknown) {
  const rule = {
    facts: { found: { find: { in: { fact: 'deployment', path: '/things' }, where: [{ path: '/id', equals: { fact: 'target', path: '/ref' } }] } } },
  } as unknown as RuleDefinition;
  return buildFacts(rule, { target, pointer: '/items/2', deployment, params: {}, asOf: '2026-01-01' }).get('found')!;
}

describe('find', () => {
  it('returns the matching item with its pointer', () => {
    const r = findRef({ ref: 'b' }, { things: [{ id: 'a' }, { id: 'b', x: 1 }] });
    expect(r.value).toEqual({ id: 'b', x: 1 });
    expect(r.pointer).toBe('/things/1');
  });

  it('names the list when the sought key is stated but matches nothing', () => {
    const r = findRef({ ref: 'z' }, { things: [{ id: 'a' }] });
    expect(r.value).toBeUndefined();
    expect(r.looked).toEqual(['/things']);
  });

  it('names the sought key, not the list, when the key itself is not stated', () => {
    const r = findRef({}, { things: [{ id: 'a' }] });
    expect(r.value).toBeUndefined();
    expect(r.looked).toEqual(['/items/2/ref']);
  });
});
