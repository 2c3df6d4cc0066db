import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRuleSet } from '../src/index.js';
import { compileConditions, judgeParts } from '../src/engine/compile/conditions.js';
import { generatedJudges } from '../src/generated/judges.js';

/**
 * The built-in rules' judges are compiled from source when vigie is built (scripts/gen-builtin.mjs
 * writes src/generated/judges.ts). compiled-conditions.test.ts checks judges made from source
 * against json-rules-engine on random trees; this checks that every built-in rule gets its own,
 * and that it judges as the closures would.
 */

const trees = builtinRuleSet().rules.flatMap(({ definition: d }) => [
  ...(d.appliesIf ? [{ name: `${d.id} appliesIf`, tree: d.appliesIf }] : []),
  { name: `${d.id} conditions`, tree: d.conditions },
]);

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 40 }), fc.constantFrom('', 'a', 'statistical', 'judicial', '2026-01-15', '2025-03-31'));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', maxDepth: 2 }, scalar, scalar, fc.array(tie('v'), { maxLength: 3 })),
})).v;

/** The places a tree reads, `fact` + `path`, with the literals it compares them with. */
function placesOf(node: unknown, into = new Map<string, unknown[]>()): Map<string, unknown[]> {
  const n = node as Record<string, unknown>;
  for (const k of ['all', 'any']) if (Array.isArray(n[k])) for (const c of n[k] as unknown[]) placesOf(c, into);
  if (n.not) placesOf(n.not, into);
  if (typeof n.fact !== 'string') return into;
  const v = n.value as Record<string, unknown> | undefined;
  const ref = v !== null && typeof v === 'object' && typeof v.fact === 'string';
  const at = (fact: string, path: unknown) => `${fact}\u0000${typeof path === 'string' ? path : ''}`;
  const literals = into.get(at(n.fact, n.path)) ?? [];
  if (!ref) literals.push(n.value);
  into.set(at(n.fact, n.path), literals);
  if (ref && !into.has(at(v.fact as string, v.path))) into.set(at(v.fact as string, v.path), []);
  return into;
}

/** Facts with a value (or none) at each place a tree reads: its own literals, or random ones. */
function factsFor(tree: unknown): fc.Arbitrary<Map<string, { value: unknown }>> {
  const places = [...placesOf(tree)].map(([k, literals]) => ({ fact: k.split('\u0000')[0]!, path: k.split('\u0000')[1]!, literals }));
  const slot = (literals: unknown[]) => fc.oneof(fc.constant(undefined), value, ...(literals.length ? [fc.constantFrom(...literals)] : []));
  return fc.tuple(...places.map((p) => slot(p.literals))).map((values) => {
    const facts = new Map<string, { value: unknown }>();
    places.forEach((p, i) => {
      if (values[i] === undefined) return;
      if (p.path === '') return void facts.set(p.fact, { value: values[i] });
      const root = (facts.get(p.fact)?.value ?? {}) as Record<string, unknown>;
      if (root === null || typeof root !== 'object') return;
      const keys = p.path.slice(1).split('/');
      let at = root;
      for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
      if (at !== null && typeof at === 'object') at[keys.at(-1)!] = values[i];
      facts.set(p.fact, { value: root });
    });
    return facts;
  });
}

function attempt<T>(f: () => T): T | 'threw' {
  try {
    return f();
  } catch {
    return 'threw';
  }
}

describe('judges compiled from source for the built-in rules', () => {
  it('every condition tree of the built-in packs has its judge in src/generated/judges.ts', () => {
    const missing = trees.filter(({ tree, name }) => !generatedJudges.has(judgeParts(tree, name).key)).map(({ name }) => name);
    expect(missing).toEqual([]);
    expect(trees.length).toBeGreaterThan(30);
  });

  it('judge as the closures do, on random facts at the places each rule reads', () => {
    const byName = (fact: string) => (read: Map<string, { value: unknown }>) => read.get(fact)?.value;
    for (const { tree, name } of trees) {
      const generated = compileConditions(tree, name, byName);
      const closures = compileConditions(tree, name, byName, new Map());
      fc.assert(
        fc.property(factsFor(tree), (table) => {
          // An operator may throw (`in` on an object without a prototype): then both do.
          expect(attempt(() => generated.judge(table))).toBe(attempt(() => closures.judge(table)));
        }),
        { numRuns: 300 },
      );
    }
  });
});
