import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivations } from '../../src/engine/derivations/index.js';
import { descend, isFactRef, literal, type DerivedValue } from '../../src/engine/derivations/derivation.js';
import { getAtPointer } from '../../src/parse/pointer.js';
import { newRun } from '../../src/engine/derivations/list-index.js';

/**
 * compileValue must give exactly compute(...).value: the counting path (scope-judge.ts) decides
 * passes from it while findings are built from compute. Random argument values, for every
 * derivation, through the same fact references a rule would use.
 */

const RUNS = Number(process.env.VIGIE_DIFF_RUNS ?? 1500);
const AS_OF = '2026-01-15';

const scalar = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 30, 31),
  fc.constantFrom('', 'a', 'b', 'all', 'calendar', '2026-01-15', '2024-02-29', '2026-02-01T10:00:00Z', 'not-a-date'),
);
const duration = fc.record({ days: fc.oneof(fc.integer({ min: -2, max: 60 }), scalar), months: fc.oneof(fc.integer({ min: 0, max: 13 }), scalar), hours: fc.integer({ min: 0, max: 800 }), years: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] });
const item = fc.record({ id: fc.constantFrom('A', 'B', 'C', 'all'), cameras: fc.oneof(fc.constant('all'), fc.array(fc.constantFrom('A', 'B', 'C'), { maxLength: 3 })), kind: fc.constantFrom('x', 'y'), issued: fc.constantFrom('2019-06-01', '2026-01-01', 'bad') }, { requiredKeys: [] });
const value: fc.Arbitrary<unknown> = fc.oneof(scalar, duration, fc.array(fc.oneof(scalar, duration, item), { maxLength: 8 }), fc.array(item, { maxLength: 9 }), fc.array(fc.constantFrom('A', 'B', 'C', 'x', 'y'), { maxLength: 4 }), item);

const FACTS = ['a', 'b', 'c'] as const;
const ref = fc.record({ fact: fc.constantFrom(...FACTS), path: fc.option(fc.constantFrom('/id', '/cameras', '/days', '/0', '/kind'), { nil: undefined }) }, { requiredKeys: ['fact'] });
const argument = fc.oneof(ref, ref, value);
const match = fc.record({ path: fc.constantFrom('/id', '/cameras', '/kind', ''), equals: argument, contains: argument, in: argument }, { requiredKeys: ['path'] });

/** Arguments of each derivation, in the shape its schema allows. */
const argsOf: Record<string, fc.Arbitrary<unknown>> = {
  firstDefined: fc.array(argument, { minLength: 1, maxLength: 3 }),
  durationDays: fc.record({ duration: argument, from: argument, monthLength: fc.oneof(argument, fc.constantFrom('calendar', 30)) }, { requiredKeys: ['duration'] }),
  addDuration: fc.record({ date: argument, duration: argument }),
  daysBetween: fc.record({ from: argument, to: argument }),
  elapsedDays: fc.record({ from: argument, to: argument }),
  find: fc.record({ in: argument, where: fc.array(match, { minLength: 1, maxLength: 3 }), except: fc.array(match, { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['in', 'where'] }),
  filter: fc.record({ in: argument, where: fc.array(match, { minLength: 1, maxLength: 3 }), except: fc.array(match, { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['in', 'where'] }),
  findAll: fc.record({ keys: argument, in: argument, key: fc.constantFrom('/id', '/kind'), defaults: argument }, { requiredKeys: ['keys', 'in', 'key'] }),
  pluck: fc.record({ from: argument, path: fc.constantFrom('/id', '/issued', '/days'), default: argument, skipMissing: fc.boolean() }, { requiredKeys: ['from', 'path'] }),
  difference: fc.record({ of: argument, minus: argument }),
  union: fc.array(argument, { minLength: 1, maxLength: 3 }),
  count: argument,
  minimum: argument,
  keysNotEqual: fc.record({ of: argument, keys: fc.oneof(argument, fc.constant(['days', 'months', 'id'])), equals: argument }),
};

const facts = fc.record({ a: value, b: value, c: value }, { requiredKeys: [] });

/** What a rule's fact table would resolve for an argument, on these fact values. */
const resolverOf =
  (values: Record<string, unknown>) =>
  (a: unknown): DerivedValue =>
    isFactRef(a) ? descend({ value: values[a.fact], pointer: `/${a.fact}`, looked: [`/${a.fact}`], params: [] }, a.path) : literal(a);

/** The derivation's compiled reader over a frame holding the fact values by name. */
const compiledReader = (d: (typeof derivations)[number], args: unknown) =>
  d.compileValue<Record<string, unknown>>(
    args,
    (a) => {
      if (!isFactRef(a)) return () => a;
      return (frame) => {
        const v = frame[a.fact];
        return v === undefined || !a.path ? v : getAtPointer(v, a.path);
      };
    },
    AS_OF,
  );

describe('compileValue gives what compute gives', () => {
  it('has arguments for every derivation', () => {
    expect(Object.keys(argsOf).sort()).toEqual(derivations.map((d) => d.name).sort());
  });

  for (const d of derivations) {
    it(d.name, () => {
      fc.assert(
        fc.property(argsOf[d.name]!, facts, (args, values: Record<string, unknown>) => {
          const expected = d.compute(args, { resolve: resolverOf(values), asOf: AS_OF }).value;
          const read = compiledReader(d, args);
          // Twice: a compiled reader keeps no state from one call to the next.
          expect(read(values)).toStrictEqual(expected);
          expect(read(values)).toStrictEqual(expected);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

/**
 * One compiled reader serves every target of a scope, and some keep what they gave the last target
 * to give it again for the same lists (filter, pluck). Called on a sequence of frames that share
 * objects, some changed in place between two runs (as a caller may change its deployment between
 * two evaluations), each call must still give what compute gives on the frame as it is then.
 */
describe('a compiled reader over many frames', () => {
  // A pool of objects the frames pick from, so that the same lists and items come back.
  const pool = fc.array(value, { minLength: 1, maxLength: 4 });
  const step = fc.record({ picks: fc.record({ a: fc.nat(), b: fc.nat(), c: fc.nat() }), change: fc.option(fc.nat(), { nil: undefined }) });
  /** Changes one object of the pool in place: a list reversed and its first item given another id, an item another id. */
  const changeInPlace = (v: unknown) => {
    if (Array.isArray(v)) {
      v.reverse();
      const first: unknown = v[0];
      if (first !== null && typeof first === 'object' && !Array.isArray(first)) (first as Record<string, unknown>).id = 'C';
    } else if (v !== null && typeof v === 'object') (v as Record<string, unknown>).id = 'B';
  };

  for (const d of derivations) {
    it(d.name, () => {
      fc.assert(
        fc.property(argsOf[d.name]!, pool, fc.array(step, { minLength: 2, maxLength: 6 }), (args, objects, steps) => {
          newRun();
          const read = compiledReader(d, args);
          for (const { picks, change } of steps) {
            if (change !== undefined) {
              changeInPlace(objects[change % objects.length]);
              newRun();
            }
            const values = { a: objects[picks.a % objects.length], b: objects[picks.b % objects.length], c: objects[picks.c % objects.length] };
            expect(read(values)).toStrictEqual(d.compute(args, { resolve: resolverOf(values), asOf: AS_OF }).value);
          }
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    });
  }
});

/**
 * What knownProvenance (src/engine/facts.ts) relies on to skip computing a fact again for its
 * evidence: a `pointerless` derivation never gives its value a pointer, and no derivation depends
 * on a parameter its arguments do not read. Every argument read here has a place and a parameter.
 */
describe('the provenance derivations give', () => {
  for (const d of derivations) {
    it(`${d.name}: ${d.pointerless ? 'no pointer, and ' : ''}only the parameters of the arguments it reads`, () => {
      fc.assert(
        fc.property(argsOf[d.name]!, facts, (args, values: Record<string, unknown>) => {
          const read = new Set<string>();
          const resolve = (a: unknown): DerivedValue => {
            if (!isFactRef(a)) return literal(a);
            read.add(`p-${a.fact}`);
            const base: DerivedValue = { value: values[a.fact], pointer: `/${a.fact}`, looked: [`/${a.fact}`], params: [`p-${a.fact}`] };
            return descend(base, a.path);
          };
          const out = d.compute(args, { resolve, asOf: AS_OF });
          if (d.pointerless) expect(out.pointer).toBeUndefined();
          for (const p of out.params) expect(read).toContain(p);
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    });
  }
});

describe('union', () => {
  it('is each element of the lists once, in order, as a Set of the flattened lists keeps them', () => {
    const union = derivations.find((d) => d.name === 'union')!;
    // Sparse lists (holes), NaN and both zeros, repeats within and across lists, short and long unions.
    const element = fc.oneof(fc.constantFrom(Number.NaN, 0, -0, 'a', 'b', null, undefined), fc.integer({ min: 0, max: 40 }));
    const list = fc.oneof(fc.array(element, { maxLength: 30 }), fc.sparseArray(element, { maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(fc.oneof(list, scalar), { minLength: 1, maxLength: 4 }), (values) => {
        const lists = values.filter(Array.isArray);
        const expected = lists.length === 0 ? undefined : [...new Set(lists.flat())];
        const got = union.compute(values, { resolve: resolverOf({}), asOf: AS_OF }).value;
        expect(got).toStrictEqual(expected);
        if (Array.isArray(got)) expect(Object.is(got[got.indexOf(0)], expected![expected!.indexOf(0)])).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
