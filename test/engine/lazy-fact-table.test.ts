import { describe, expect, it } from 'vitest';
import { buildFacts, LazyFactTable } from '../../src/engine/facts.js';
import type { DerivedValue } from '../../src/engine/derivations/index.js';
import { builtinRuleSet, parseConfig } from '../../src/index.js';
import { merger } from '../../src/merge.js';
import { getAtPointer, joinPointer } from '../../src/parse/pointer.js';
import { resolveParameters } from '../../src/packs/parameters.js';

/**
 * One lazy table reused target after target (as evaluate reuses one per rule), read in a varying
 * order, against a table made for each target with every fact computed at once.
 */
describe('LazyFactTable reused across targets', () => {
  it('holds, for each target, the facts a table made for it alone holds', async () => {
    const { syntheticDeployment } = await import('../../scripts/bench/deployment.mjs');
    const data = parseConfig(JSON.stringify(syntheticDeployment(200, 11))).data as Record<string, unknown>;
    const ruleSet = builtinRuleSet();
    const params = resolveParameters(ruleSet.parameters, '2026-01-15').values;
    let compared = 0;
    for (const { definition } of ruleSet.rules) {
      const scope = ruleSet.scopes[definition.scope]!;
      if (scope.each === undefined) continue;
      const list = scope.each === '' ? [data] : ((getAtPointer(data, scope.each) as unknown[] | undefined) ?? []);
      const merge = merger(scope.defaults !== undefined ? getAtPointer(data, scope.defaults) : undefined);
      const table = new LazyFactTable();
      const shared = new Map<string, DerivedValue>();
      list.forEach((item, i) => {
        const target = merge(item);
        const pointer = scope.each === '' ? '' : joinPointer(scope.each!, i);
        const t = { target, pointer, targetId: (target as { id?: string }).id, deployment: data, params, asOf: '2026-01-15' };
        const eager = buildFacts(definition, t);
        const lazy = buildFacts(definition, { ...t, table, shared });
        const names = [...eager.keys()];
        // Some targets read only a few facts (as a listed outcome does), others all, in another order.
        const read = i % 3 === 0 ? names.slice(-2) : i % 3 === 1 ? [...names].reverse() : [];
        for (const name of read) expect(lazy.get(name), `${definition.id} ${name} at ${pointer}`).toEqual(eager.get(name));
        for (const name of names) expect(lazy.has(name), `${definition.id} ${name}`).toBe(true);
        // Iterating computes whatever is pending: the same facts, no other.
        expect(new Map(lazy), `${definition.id} at ${pointer}`).toEqual(eager);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('forgets a fact computed for the previous target, and the facts of another rule', () => {
    // n reads the target; d only the deployment, kept in the shared map for the next targets.
    const a = { id: 'a', facts: { n: { count: { fact: 'target', path: '/items' } }, d: { count: { fact: 'deployment', path: '/acts' } } }, conditions: { all: [] } } as never;
    const b = { id: 'b', facts: { m: { count: { fact: 'target', path: '/items' } } }, conditions: { all: [] } } as never;
    const table = new LazyFactTable();
    const shared = new Map<string, DerivedValue>();
    const at = (rule: never, target: unknown) => buildFacts(rule, { target, pointer: '/t', deployment: { acts: [1, 2, 3] }, params: {}, asOf: '2026-01-01', table, shared });
    expect([at(a, { items: [1, 2] }).get('n')!.value, table.get('d')!.value]).toEqual([2, 3]);
    expect(at(a, { items: [1] }).get('n')!.value).toBe(1);
    expect(table.get('d')).toBe(shared.get('d'));
    const t = at(b, { items: [] });
    expect([t.has('n'), t.has('d'), t.has('m')]).toEqual([false, false, true]);
    expect([...t].map(([k]) => k)).toEqual(['target', 'targetId', 'deployment', 'param', 'asOf', 'm']);
  });

  it('reads the deployment given for each target, when no shared facts are kept', () => {
    const rule = { id: 'd', facts: { acts: { count: { fact: 'deployment', path: '/acts' } }, month: { firstDefined: [{ fact: 'param', path: '/month' }] } }, conditions: { all: [] } } as never;
    const table = new LazyFactTable();
    const at = (deployment: unknown, params: Record<string, unknown>) => {
      const t = buildFacts(rule, { target: {}, pointer: '/t', deployment, params, asOf: '2026-01-01', table });
      return [t.get('acts')!.value, t.get('month')!.value, t.get('month')!.params];
    };
    expect(at({ acts: [1, 2, 3] }, { month: 30 })).toEqual([3, 30, ['month']]);
    expect(at({ acts: [1] }, { month: 'calendar' })).toEqual([1, 'calendar', ['month']]);
  });

  it("looks a rule's earlier facts up again for each target", () => {
    // Without a stream's memory nothing is remembered: each target names the key it looked for.
    const rule = { id: 'e', earlier: { prior: { key: '/ref', lookup: { fact: 'target', path: '/ref' } } }, facts: {}, conditions: { all: [] } } as never;
    const table = new LazyFactTable();
    const shared = new Map<string, DerivedValue>();
    const at = (ref: string) => buildFacts(rule, { target: { ref }, pointer: '/t', deployment: {}, params: {}, asOf: '2026-01-01', table, shared }).get('prior')!.looked;
    expect(at('R-1')).toEqual(['an earlier item with /ref = "R-1"']);
    expect(at('R-2')).toEqual(['an earlier item with /ref = "R-2"']);
  });
});
