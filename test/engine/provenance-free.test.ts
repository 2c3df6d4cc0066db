import { describe, expect, it } from 'vitest';
import { buildFacts, provenanceFreeFacts } from '../../src/engine/facts.js';
import { builtinRuleSet, parseConfig } from '../../src/index.js';
import { getAtPointer, joinPointer } from '../../src/parse/pointer.js';
import { resolveParameters } from '../../src/packs/parameters.js';
import type { RuleDefinition } from '../../src/types.js';

/** A rule of the given derived facts (what provenanceFreeFacts reads of it). */
const rule = (facts: RuleDefinition['facts'], earlier?: RuleDefinition['earlier']) => ({ id: 'r', facts, ...(earlier ? { earlier } : {}) }) as RuleDefinition;

describe('the facts whose provenance a finding does not compute', () => {
  it('are those of pointerless derivations that read no parameter, directly or through another fact', () => {
    const free = provenanceFreeFacts(
      rule({
        masks: { filter: { in: { fact: 'target', path: '/masks' }, where: [{ path: '/covers', contains: 'dwelling-interiors' }] } },
        maskCount: { count: { fact: 'masks' } },
        kinds: { pluck: { from: { fact: 'masks' }, path: '/kind' } },
        allowed: { difference: { of: { fact: 'target', path: '/purposes' }, minus: { fact: 'param', path: '/allowed-purposes' } } },
        allowedCount: { count: { fact: 'allowed' } },
        wholeParams: { count: { fact: 'param' } },
        act: { find: { in: { fact: 'deployment', path: '/authorizations' }, where: [{ path: '/reference', equals: { fact: 'targetId' } }] } },
        actDates: { pluck: { from: { fact: 'act', path: '/dates' }, path: '/at' } },
        retention: { durationDays: { duration: { fact: 'target', path: '/retention' } } },
        previous: { count: { fact: 'earlierOne', path: '/items' } },
      }, { earlierOne: { lookup: { fact: 'targetId' }, key: '/id' } } as unknown as RuleDefinition['earlier']),
    );
    // A parameter read at a path (allowed) makes a fact, and what reads it (allowedCount), depend on it;
    // the whole parameter table is not one; a fact with a place (act, retention) is computed again,
    // though what reads it may not need its place (actDates).
    expect([...free].sort()).toEqual(['actDates', 'kinds', 'maskCount', 'masks', 'previous', 'wholeParams']);
  });

  it('have, on every target of the benchmark deployment, no place and no parameter (every built-in rule)', async () => {
    const { syntheticDeployment } = await import('../../scripts/bench/deployment.mjs');
    const data = parseConfig(JSON.stringify(syntheticDeployment(300, 5))).data as Record<string, unknown>;
    const ruleSet = builtinRuleSet();
    const params = resolveParameters(ruleSet.parameters, '2026-01-15').values;
    let checked = 0;
    for (const { definition } of ruleSet.rules) {
      const free = provenanceFreeFacts(definition);
      const each = ruleSet.scopes[definition.scope]?.each;
      if (free.size === 0 || each === undefined) continue;
      const list = each === '' ? [data] : ((getAtPointer(data, each) as unknown[] | undefined) ?? []);
      list.forEach((target, i) => {
        const pointer = each === '' ? '' : joinPointer(each, i);
        const table = buildFacts(definition, { target, pointer, targetId: (target as { id?: string }).id, deployment: data, params, asOf: '2026-01-15' });
        for (const name of free) {
          expect(table.get(name)?.pointer, `${definition.id} ${name} at ${pointer}`).toBeUndefined();
          expect(table.get(name)?.params, `${definition.id} ${name} at ${pointer}`).toEqual([]);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
