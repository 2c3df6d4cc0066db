import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRuleSet } from '../src/index.js';
import { generatedPlainReaders, generatedReaders } from '../src/generated/readers.js';
import { getAtSegments, parsePointer, plainDataReader, segmentsReader } from '../src/parse/pointer.js';
import { readerSource } from '../src/parse/reader-source.js';

/**
 * The readers of the built-in rules' paths are written as source when vigie is built
 * (scripts/gen-builtin.mjs writes src/generated/readers.ts): each must read what getAtSegments
 * reads, own properties only, on any value.
 */

const KEYS = ['analytics', 'mode', 'days', '__proto__', 'constructor', 'toString', '0', 'a/b', 'x~y'];
const scalar = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer({ min: -2, max: 40 }), fc.double(), fc.constantFrom('', 'statistical'));

/** Values of any shape along a path: plain objects, arrays, objects with a prototype that has the key, null-prototype objects. */
function valuesAlong(segments: readonly string[]): fc.Arbitrary<unknown> {
  // The path's own keys half of the time, so that values often have them, own or inherited.
  const key = fc.oneof(fc.constantFrom(...segments), fc.constantFrom(...KEYS));
  const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      scalar,
      fc.array(tie('v'), { maxLength: 3 }),
      fc
        .tuple(fc.array(fc.tuple(key, tie('v')), { maxLength: 4 }), fc.constantFrom('plain', 'null', 'inherits'), key, tie('v'))
        .map(([entries, kind, inheritedKey, inherited]) => {
          const proto = kind === 'null' ? null : kind === 'inherits' ? { [inheritedKey]: inherited } : Object.prototype;
          const o = Object.create(proto) as Record<string, unknown>;
          // defineProperty: a `__proto__` key is a property of its own, as JSON.parse makes it.
          for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
          return o;
        }),
    ),
  })).v;
  return node;
}

/** A reader made from its source, as scripts/gen-builtin.mjs writes it into the generated module. */
function fromSource(source: string): (v: unknown) => unknown {
  return new Function('hasOwn', `return (v) => {\n${source}\n};`)(Object.prototype.hasOwnProperty) as (v: unknown) => unknown;
}

describe('path readers written as source', () => {
  it('read what getAtSegments reads, on random values and paths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...KEYS.filter((k) => k !== '0'), 'inView', 'retention'), { minLength: 1, maxLength: 4 }).chain((segments) => fc.tuple(fc.constant(segments), valuesAlong(segments))),
        ([segments, value]) => {
          const read = fromSource(readerSource(segments)!);
          expect(read(value)).toBe(getAtSegments(value, segments));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leave paths with an array index to the closures', () => {
    expect(readerSource(['cameras', '0', 'id'])).toBeUndefined();
    expect(readerSource([])).toBeUndefined();
  });

  it('are generated for every path the built-in rules read, and segmentsReader returns them', () => {
    const paths = new Set<string>();
    (function collect(v: unknown, key?: string): void {
      if (typeof v === 'string' && (key === 'path' || key === 'id' || key === 'each') && v.startsWith('/')) paths.add(v);
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, Array.isArray(v) ? key : k);
    })(builtinRuleSet());
    expect(paths.size).toBeGreaterThan(30);
    for (const p of paths) {
      const segments = parsePointer(p);
      if (readerSource(segments) === undefined) continue;
      expect(generatedReaders.has(p), p).toBe(true);
      expect(segmentsReader(segments)).toBe(generatedReaders.get(p));
    }
  });

  it('of the generated module read what getAtSegments reads', () => {
    for (const [p, read] of generatedReaders) {
      const segments = parsePointer(p);
      fc.assert(
        fc.property(valuesAlong(segments), (value) => {
          expect(read(value), p).toBe(getAtSegments(value, segments));
        }),
        { numRuns: 300 },
      );
    }
  });

  describe('for plain data', () => {
    /** Plain data along a path: objects of prototype Object.prototype or null, arrays, scalars. */
    function plainAlong(segments: readonly string[]): fc.Arbitrary<unknown> {
      const key = fc.oneof(fc.constantFrom(...segments), fc.constantFrom('analytics', 'mode', 'days', '__proto__', 'a/b', 'x~y'));
      return fc.letrec((tie) => ({
        v: fc.oneof(
          { depthSize: 'small', maxDepth: 4 },
          scalar,
          fc.array(tie('v'), { maxLength: 3 }),
          fc.tuple(fc.array(fc.tuple(key, tie('v')), { maxLength: 4 }), fc.boolean()).map(([entries, nullProto]) => {
            const o = (nullProto ? Object.create(null) : {}) as Record<string, unknown>;
            for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
            return o;
          }),
        ),
      })).v;
    }
    // Names Object.prototype does not have: the plan reading plain data checks that (scope-judge.ts).
    const names = fc.array(fc.constantFrom('analytics', 'mode', 'days', 'inView', 'retention', 'a/b', 'x~y'), { minLength: 1, maxLength: 4 });

    it('read what getAtSegments reads, without asking whether a value is the object’s own', () => {
      fc.assert(
        fc.property(
          names.chain((segments) => fc.tuple(fc.constant(segments), plainAlong(segments))),
          ([segments, value]) => {
            const source = readerSource(segments, true)!;
            expect(source).not.toContain('hasOwn');
            expect(fromSource(source)(value)).toBe(getAtSegments(value, segments));
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('read an inherited value: what makes them for plain data only', () => {
      const inherited = Object.create({ days: 3 }) as object;
      expect(fromSource(readerSource(['days'], true)!)(inherited)).toBe(3);
      expect(fromSource(readerSource(['days'])!)(inherited)).toBeUndefined();
    });

    it('are generated for the same paths, and plainDataReader returns them (segmentsReader’s own for any other path)', () => {
      expect([...generatedPlainReaders.keys()]).toEqual([...generatedReaders.keys()]);
      for (const p of generatedPlainReaders.keys()) expect(plainDataReader(parsePointer(p))).toBe(generatedPlainReaders.get(p));
      const other = parsePointer('/masks/0/kind');
      expect(plainDataReader(other)({ masks: [{ kind: 'static' }] })).toBe('static');
    });

    it('of the generated module read what getAtSegments reads on plain data', () => {
      for (const [p, read] of generatedPlainReaders) {
        const segments = parsePointer(p);
        if (segments.some((s) => s in Object.prototype)) continue;
        fc.assert(
          fc.property(plainAlong(segments), (value) => {
            expect(read(value), p).toBe(getAtSegments(value, segments));
          }),
          { numRuns: 200 },
        );
      }
    });
  });
});
