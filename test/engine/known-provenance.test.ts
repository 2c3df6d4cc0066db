import { describe, expect, it } from 'vitest';
import { buildFacts, knownProvenance } from '../../src/engine/facts.js';
import { builtinRuleSet, parseConfig } from '../../src/index.js';
import { getAtPointer, joinPointer } from '../../src/parse/pointer.js';
import { resolveParameters } from '../../src/packs/parameters.js';
import type { RuleDefinition } from '../../src/types.js';

/** A rule of the given derived facts (what knownProvenance reads of it). */
const rule = (facts: RuleDefinition['facts'], earlier?: RuleDefinition['earlier']) => ({ id: 'r', facts, ...(earlier ? { earlier } : {}) }) as RuleDefinition;

describe('what a finding knows of its facts’ provenance without computing them', () => {
  const known = knownProvenance(
    rule(
      {
        masks: { filter: { in: { fact: 'target', path: '/masks' }, where: [{ path: '/covers', contains: 'dwelling-interiors' }] } },
        maskCount: { count: { fact: 'masks' } },
        kinds: { pluck: { from: { fact: 'masks' }, path: '/kind' } },
        allowed: { difference: { of: { fact: 'target', path: '/purposes' }, minus: { fact: 'param', path: '/allowed-purposes' } } },
        allowedCount: { count: { fact: 'allowed' } },
        wholeParams: { count: { fact: 'param' } },
        act: { find: { in: { fact: 'deployment', path: '/authorizations' }, where: [{ path: '/reference', equals: { fact: 'targetId' } }] } },
        actDates: { pluck: { from: { fact: 'act', path: '/dates' }, path: '/at' } },
        retention: { durationDays: { duration: { fact: 'target', path: '/retention' } } },
        monthly: { durationDays: { duration: { fact: 'target', path: '/retention' }, monthLength: { fact: 'param', path: '/month-counting' } } },
        previous: { count: { fact: 'earlierOne', path: '/items' } },
      },
      { earlierOne: { lookup: { fact: 'targetId' }, key: '/id' } } as unknown as RuleDefinition['earlier'],
    ),
  );

  it('no parameter: the built-in facts, and derived facts that read no parameter at a path, directly or through another fact', () => {
    expect([...known.noParameter].sort()).toEqual(
      ['act', 'actDates', 'asOf', 'deployment', 'earlierOne', 'kinds', 'maskCount', 'masks', 'param', 'previous', 'retention', 'target', 'targetId', 'wholeParams'].sort(),
    );
  });

  it('no place: the facts of pointerless derivations, whatever they read', () => {
    expect([...known.noPointer].sort()).toEqual(['actDates', 'allowed', 'allowedCount', 'kinds', 'maskCount', 'masks', 'previous', 'wholeParams']);
  });

  it('holds on every target of the benchmark deployment, for every built-in rule', async () => {
    const { syntheticDeployment } = await import('../../scripts/bench/deployment.mjs');
    const data = parseConfig(JSON.stringify(syntheticDeployment(300, 5))).data as Record<string, unknown>;
    const ruleSet = builtinRuleSet();
    const params = resolveParameters(ruleSet.parameters, '2026-01-15').values;
    const checked = { noParameter: 0, noPointer: 0 };
    for (const { definition } of ruleSet.rules) {
      const { noParameter, noPointer } = knownProvenance(definition);
      const each = ruleSet.scopes[definition.scope]?.each;
      if (each === undefined) continue;
      const list = each === '' ? [data] : ((getAtPointer(data, each) as unknown[] | undefined) ?? []);
      list.forEach((target, i) => {
        const pointer = each === '' ? '' : joinPointer(each, i);
        const table = buildFacts(definition, { target, pointer, targetId: (target as { id?: string }).id, deployment: data, params, asOf: '2026-01-15' });
        for (const name of noParameter) {
          if (!table.has(name)) continue; // an `earlier` fact: streamed scopes are not evaluated here
          expect(table.get(name)!.params, `${definition.id} ${name} at ${pointer}`).toEqual([]);
          checked.noParameter++;
        }
        for (const name of noPointer) {
          expect(table.get(name)!.pointer, `${definition.id} ${name} at ${pointer}`).toBeUndefined();
          checked.noPointer++;
        }
      });
    }
    expect(checked.noParameter).toBeGreaterThan(10000);
    expect(checked.noPointer).toBeGreaterThan(1000);
  });
});
