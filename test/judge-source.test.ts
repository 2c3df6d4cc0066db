import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRuleSet } from '../src/index.js';
import { compileConditions, conditionsName, judgeParts } from '../src/engine/compile/conditions.js';
import { generatedJudges } from '../src/generated/judges.js';

/**
 * The built-in rules' judges are compiled from source when vigie is built (scripts/gen-builtin.mjs
 * writes src/generated/judges.ts). compiled-conditions.test.ts checks judges made from source
 * against json-rules-engine on random trees; this checks that every built-in rule gets its own,
 * and that it judges as the closures would.
 */

const trees = builtinRuleSet().rules.flatMap(({ definition: d }) => [
  ...(d.appliesIf ? [{ name: conditionsName(d.id, 'appliesIf'), tree: d.appliesIf }] : []),
  { name: conditionsName(d.id, 'conditions'), tree: d.conditions },
]);

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 40 }), fc.constantFrom('', 'a', 'statistical', 'judicial', '2026-01-15', '2025-03-31'));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', maxDepth: 2 }, scalar, scalar, fc.array(tie('v'), { maxLength: 3 })),
})).v;

interface Place {
  fact: string;
  path: string;
  /** The literals the tree compares the value there with. */
  literals: unknown[];
}

/** The places a tree reads (`fact` and `path`, its values' fact references included). */
function placesOf(node: unknown, into = new Map<string, Place>()): Map<string, Place> {
  const n = node as Record<string, unknown>;
  for (const k of ['all', 'any']) if (Array.isArray(n[k])) for (const c of n[k] as unknown[]) placesOf(c, into);
  if (n.not) placesOf(n.not, into);
  if (typeof n.fact !== 'string') return into;
  const place = (fact: string, path: unknown): Place => {
    const p = typeof path === 'string' ? path : '';
    const key = JSON.stringify([fact, p]);
    if (!into.has(key)) into.set(key, { fact, path: p, literals: [] });
    return into.get(key)!;
  };
  const v = n.value as Record<string, unknown> | undefined;
  if (v !== null && typeof v === 'object' && typeof v.fact === 'string') place(v.fact, v.path);
  else place(n.fact, n.path).literals.push(n.value);
  place(n.fact, n.path);
  return into;
}

/** Facts with a value (or none) at each place a tree reads: its own literals, or random ones. */
function factsFor(tree: unknown): fc.Arbitrary<Map<string, { value: unknown }>> {
  const places = [...placesOf(tree).values()];
  const slot = (literals: unknown[]) => fc.oneof(fc.constant(undefined), value, ...(literals.length ? [fc.constantFrom(...literals)] : []));
  return fc.tuple(...places.map((p) => slot(p.literals))).map((values) => {
    const facts = new Map<string, { value: unknown }>();
    places.forEach((p, i) => {
      if (values[i] === undefined) return;
      if (p.path === '') return void facts.set(p.fact, { value: values[i] });
      const root = facts.get(p.fact)?.value ?? {};
      const keys = p.path.slice(1).split('/');
      // A place inside another one already given a plain value is left out.
      let at: unknown = root;
      for (const k of keys.slice(0, -1)) at = at !== null && typeof at === 'object' ? ((at as Record<string, unknown>)[k] ??= {}) : undefined;
      if (at === null || typeof at !== 'object') return;
      (at as Record<string, unknown>)[keys.at(-1)!] = values[i];
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

  it('gives each tree a function of its own, trees of one shape included', () => {
    const factories = trees.map(({ tree, name }) => generatedJudges.get(judgeParts(tree, name).key));
    expect(new Set(factories).size).toBe(trees.length);
    // The shapes are fewer: without a function per tree, rules of one shape would share one.
    const shapes = new Set(trees.map(({ tree, name }) => judgeParts(tree, name).key.split('\n')[1]));
    expect(shapes.size).toBeLessThan(trees.length);
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
          // decide runs the generated judge's recording twin: the same deciding leaves as the closures'.
          expect(attempt(() => generated.decide(table))).toStrictEqual(attempt(() => closures.decide(table)));
        }),
        { numRuns: 300 },
      );
    }
  });
});
