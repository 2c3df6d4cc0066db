import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileConditions, judgeParts, type CompiledConditions } from '../src/engine/compile/conditions.js';
import type { JudgeFactory } from '../src/engine/compile/judge-source.js';
import { ConditionCompileError, resolveOperator } from '../src/engine/compile/operators.js';
import { outcomeOf } from '../src/engine/evaluate-rule.js';
import type { FactTable } from '../src/engine/facts.js';
import { conditionEngine, runConditions } from '../src/engine/json-rules-engine.js';
import { builtinOperatorNames, customOperators, operatorDecoratorNames, registeredOperators } from '../src/engine/operators/index.js';
import { decisiveLeaves, truth, type ResultNode } from '../src/engine/three-valued.js';
import type { ParameterEvidence } from '../src/types.js';

/**
 * Differential tests: the compiled evaluator against json-rules-engine itself, on random condition
 * trees in the rule grammar and random facts. Same result tree (every factResult, valueResult and
 * result, the same nodes skipped by short-circuit), same outcome and evidence, or both throw.
 */

const RUNS = Number(process.env.VIGIE_DIFF_RUNS ?? 1500);

const FACTS = ['target', 'n', 's', 'list', 'obj', 'param'] as const;
const PATHS = ['/a', '/a/b', '/0', '/1', '/b/0', '/x~1y', '/-'] as const;
const OPERATORS = [...builtinOperatorNames, ...customOperators.map((o) => o.name)];

const scalar = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(0.5, -0, Number.NaN, 30, 31),
  fc.constantFrom('', 'a', 'b', '3', '30', 'abc', '2026-01-15', '2025-12-31', '2026-02-01T10:00:00Z', 'not-a-date'),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', maxDepth: 3 }, scalar, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'x/y', '0'), tie('v'), { maxKeys: 3 })),
})).v;

const path = fc.option(fc.constantFrom(...PATHS), { nil: undefined });
const factRef = fc.record({ fact: fc.constantFrom(...FACTS, 'unknownFact'), path }, { requiredKeys: ['fact'] });
const operator = fc
  .tuple(fc.oneof(fc.constant([]), fc.array(fc.constantFrom(...operatorDecoratorNames), { maxLength: 2 })), fc.constantFrom(...OPERATORS))
  .map(([decorators, base]) => [...decorators, base].join(':'));

const leaf = fc.record(
  {
    fact: fc.constantFrom(...FACTS, 'unknownFact'),
    path,
    operator,
    // Lists are frequent: `in`, `someValue`… throw in json-rules-engine on anything else.
    value: fc.oneof(value, fc.array(scalar, { maxLength: 4 }), fc.array(scalar, { maxLength: 4 }), factRef),
    name: fc.constantFrom('c1', 'c2'),
    priority: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: ['fact', 'operator', 'value'] },
);
const extras = fc.record({ name: fc.constant('group'), priority: fc.integer({ min: 1, max: 3 }) }, { requiredKeys: [] });
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leaf, tie('bool')),
  bool: fc.oneof(
    fc.tuple(fc.array(tie('node'), { minLength: 1, maxLength: 4 }), extras).map(([all, e]) => ({ all, ...e })),
    fc.tuple(fc.array(tie('node'), { minLength: 1, maxLength: 4 }), extras).map(([any, e]) => ({ any, ...e })),
    fc.tuple(tie('node'), extras).map(([not, e]) => ({ not, ...e })),
  ),
})).bool;
// Facts may also be lists with holes, or frozen (as parseConfig makes them): the operators and
// decorators loop over such lists themselves rather than call every/some. Rule values, read from
// rule files, have no holes.
const factValue = fc.oneof(value, fc.sparseArray(value, { maxLength: 4 }), fc.array(value, { maxLength: 4 }).map((l) => Object.freeze(l)));
const facts = fc.record(Object.fromEntries(FACTS.map((f) => [f, factValue])) as Record<(typeof FACTS)[number], fc.Arbitrary<unknown>>, { requiredKeys: [] });

/** json-rules-engine's nodes are Condition instances: compare their own properties as plain objects. */
function plain(node: unknown): unknown {
  const n = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(n)) {
    if (k === 'all' || k === 'any') out[k] = (n[k] as unknown[]).map(plain);
    else if (k === 'not') out[k] = plain(n[k]);
    else out[k] = n[k];
  }
  return out;
}

function tableOf(values: Record<string, unknown>): FactTable {
  return new Map(Object.entries(values).map(([k, v]) => [k, { value: v, pointer: k === 'target' ? '/t' : undefined, looked: [`/looked/${k}`], params: k === 'param' ? ['p'] : [] }]));
}

const PARAMS: Record<string, ParameterEvidence> = { p: { id: 'p', value: 1, since: '2020-01-01', references: [] } };

type Run = { threw: true } | { threw: false; tree: ResultNode };

async function reference(conditions: object, values: Record<string, unknown>): Promise<Run> {
  try {
    return { threw: false, tree: plain(await runConditions(await conditionEngine(conditions as never, 'r'), values)) as ResultNode };
  } catch {
    return { threw: true };
  }
}

function compiled(conditions: object, values: Record<string, unknown>): Run {
  try {
    return { threw: false, tree: compileConditions(conditions, 'r').run(tableOf(values)) };
  } catch (e) {
    if (e instanceof ConditionCompileError) throw e; // the grammar generated here must always compile
    return { threw: true };
  }
}

/** The conditions with their judge made from its source, as scripts/gen-builtin.mjs makes it, here with `new Function` (vigie itself never does). */
function viaSource(conditions: object): CompiledConditions {
  const { key, source } = judgeParts(conditions, 'r');
  const judges = new Map([[key, new Function('I', source) as JudgeFactory]]);
  return compileConditions(conditions, 'r', (fact: string) => (read: FactTable) => read.get(fact)?.value, judges);
}

describe('compiled conditions decide exactly as json-rules-engine', () => {
  it(`gives the same result tree and outcome on random trees and facts (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(tree, facts, async (generated, values) => {
        // Rule files give plain objects (fast-check's records have no prototype).
        const conditions = structuredClone(generated);
        const ref = await reference(conditions, values);
        const fast = compiled(conditions, values);
        expect(fast.threw).toBe(ref.threw);
        if (ref.threw || fast.threw) return;
        expect(fast.tree).toStrictEqual(ref.tree);
        const compiledTree = compileConditions(conditions, 'r');
        expect(compiledTree.judge(tableOf(values))).toBe(truth(ref.tree));
        const table = tableOf(values);
        expect(outcomeOf(fast.tree, table, PARAMS)).toStrictEqual(outcomeOf(ref.tree, table, PARAMS));
        // Deciding without the tree: the same truth and the same deciding leaves, as the tree has them.
        const t = truth(ref.tree);
        const decision = compiledTree.decide(tableOf(values));
        expect(decision).toStrictEqual({ truth: t, leaves: decisiveLeaves(ref.tree, t) });
        // Twice on the same compiled tree: nothing is left over from the call before.
        expect(compiledTree.decide(tableOf(values))).toStrictEqual(decision);
        // A judge made from source (as the built-in rules' are, when vigie is built) judges alike,
        // and its recording twin leaves decide the same leaves to find.
        const fromSource = viaSource(conditions);
        expect(fromSource.judge(tableOf(values))).toBe(t);
        expect(fromSource.decide(tableOf(values))).toStrictEqual(decision);
        expect(fromSource.decide(tableOf(values))).toStrictEqual(decision);
      }),
      { numRuns: RUNS },
    );
  });

  it('makes one source per judge key: what src/generated/judges.ts is looked up by tells its source', () => {
    const sources = new Map<string, string>();
    fc.assert(
      fc.property(tree, (generated) => {
        let parts;
        try {
          parts = judgeParts(structuredClone(generated), 'r');
        } catch (e) {
          if (e instanceof ConditionCompileError) throw e;
          return; // an operator json-rules-engine refuses too
        }
        const seen = sources.get(parts.key);
        if (seen === undefined) sources.set(parts.key, parts.source);
        else expect(parts.source).toBe(seen);
      }),
      { numRuns: RUNS * 2 },
    );
    // Small trees share keys often: the property above compared many pairs.
    expect(sources.size).toBeLessThan(RUNS * 2);
  });

  it('honours priorities: a lower-priority group is skipped once the result is known', async () => {
    const conditions = {
      all: [
        { fact: 'n', operator: 'equal', value: 1, priority: 1 },
        { fact: 'n', operator: 'equal', value: 2, priority: 5 },
      ],
    };
    const fast = compiled(conditions, { n: 1 });
    expect(fast).toStrictEqual(await reference(conditions, { n: 1 }));
    const skipped = (fast as { tree: ResultNode }).tree.all![0]!;
    expect(skipped).not.toHaveProperty('result');
  });

  it('reads a path only inside objects, as json-rules-engine does', async () => {
    const conditions = { all: [{ fact: 's', path: '/a', operator: 'equal', value: 'abc' }] };
    const fast = compiled(conditions, { s: 'abc' });
    expect(fast).toStrictEqual(await reference(conditions, { s: 'abc' }));
    expect((fast as { tree: ResultNode }).tree.all![0]!.result).toBe(true);
  });

  it('refuses, naming the place, what it cannot reproduce', () => {
    expect(() => compileConditions({ all: [{ fact: 'n', operator: 'nope', value: 1 }] }, 'rule x')).toThrow(/rule x\/all\/0: unknown operator "nope"/);
    expect(() => compileConditions({ all: [{ fact: 'n', operator: 'maybe:equal', value: 1 }] }, 'x')).toThrow(ConditionCompileError);
    expect(() => compileConditions({ all: [{ condition: 'shared' }] }, 'x')).toThrow(/condition references/);
    expect(() => compileConditions({ all: [{ fact: 'n', operator: 'equal', value: 1, params: {} }] }, 'x')).toThrow(/unsupported key "params"/);
    expect(() => compileConditions({ all: [{ fact: 'n', operator: 'equal', value: { fact: 'm', params: {} } }] }, 'x')).toThrow(/unsupported key "params"/);
    expect(() => compileConditions({ all: [{ fact: 'n', path: 'a.b', operator: 'equal', value: 1 }] }, 'x')).toThrow(/not a JSON Pointer/);
    expect(() => compileConditions({ all: [], any: [] }, 'x')).toThrow(ConditionCompileError);
    expect(() => compileConditions({ fact: 'n', operator: 'equal', value: 1 }, 'x')).toThrow(/top condition/);
  });

  it('uses every operator registered in src/engine/operators, built-in names included, through its own evaluate', () => {
    expect(registeredOperators.map((o) => o.name).sort()).toEqual([...builtinOperatorNames, ...customOperators.map((o) => o.name)].sort());
    for (const op of registeredOperators) {
      const fn = resolveOperator(op.name);
      for (const [a, b] of [
        [['x'], ['x', 'y']],
        ['2026-01-01', '2026-01-02'],
        [undefined, true],
        [1, false],
        [1, {}],
        ['a', 'abc'],
      ] as const) {
        expect(fn(a, b)).toBe(op.evaluate(a, b));
        expect(resolveOperator(`not:${op.name}`)(a, b)).toBe(!op.evaluate(a, b));
      }
    }
  });

  it("answers as json-rules-engine's default operators on plain values", () => {
    // The reference engine runs vigie's operators (above); this ties those to json-rules-engine's
    // own. Its comparisons first check the fact with `parseFloat(fact).toString() !== 'NaN'`.
    const defaults = (new Engine() as unknown as { operators: unknown }).operators as { get(name: string): { evaluate(a: unknown, b: unknown): boolean } };
    const values = [undefined, null, true, false, 0, -0, 1, -1, 2.5, 30, 31, 1e21, -1e-7, Number.NaN, Infinity, -Infinity, '', ' ', '3', ' 3', '3 ', '3abc', 'abc', '-0', '1e3', '0x10', 'Infinity', '-Infinity', 'NaN', '2026-01-15', '2026-01-16', '.5'];
    for (const name of builtinOperatorNames) {
      const ours = registeredOperators.find((o) => o.name === name)!;
      for (const a of values) {
        for (const b of values) {
          const lists = name === 'in' || name === 'notIn' ? [[a, [b]], [a, [b, a]], [a, `x${String(b)}`]] : name === 'contains' || name === 'doesNotContain' ? [[[a], b], [[b, 1], a]] : [[a, b]];
          for (const [x, y] of lists) expect([name, x, y, ours.evaluate(x, y)]).toEqual([name, x, y, defaults.get(name).evaluate(x, y)]);
        }
      }
    }
  });

  it("decorates as json-rules-engine's own decorators do, on lists with holes and frozen lists", () => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const op of registeredOperators) engine.addOperator(op.name, op.evaluate.bind(op));
    const theirs = (engine as unknown as { operators: { get(name: string): { evaluate(a: unknown, b: unknown): unknown } } }).operators;
    const lists = [[, 1], [undefined, 1], [1, , 2], Object.freeze([1, 2]), Object.freeze([undefined]), []]; // eslint-disable-line no-sparse-arrays
    for (const decorator of ['someFact', 'everyFact', 'someValue', 'everyValue']) {
      for (const base of ['equal', 'notEqual', 'isKnown']) {
        const name = `${decorator}:${base}`;
        for (const list of lists) {
          for (const other of [undefined, 1, 3]) {
            const [a, b] = decorator.endsWith('Fact') ? [list, other] : [other, list];
            expect([name, a, b, resolveOperator(name)(a, b)]).toEqual([name, a, b, theirs.get(name).evaluate(a, b)]);
          }
        }
      }
    }
  });

  it("compares with json-rules-engine running vigie's registered operators, not its defaults", async () => {
    // json-rules-engine's own `in` throws on a value that is not a list, its `lessThan` on an
    // object without valueOf: vigie's answer false, in the reference engine as in the compiled one.
    for (const conditions of [
      { all: [{ fact: 'n', operator: 'in', value: 3 }] },
      { all: [{ fact: 'n', operator: 'notIn', value: { a: 1 } }] },
      { all: [{ fact: 'n', operator: 'lessThan', value: { toString: 1 } }] },
    ]) {
      const ref = await reference(conditions, { n: 1 });
      expect(ref).toMatchObject({ threw: false, tree: { all: [{ result: false }] } });
      expect(compiled(conditions, { n: 1 })).toMatchObject({ threw: false, tree: { all: [{ result: false }] } });
    }
  });
});
