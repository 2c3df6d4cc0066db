import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disjointFrom, intersects, subsetOf } from '../../src/engine/operators/sets.js';
import { getAtSegments, segmentsReader } from '../../src/parse/pointer.js';

// Code that runs on every target is written with loops and specialised readers; each must answer
// exactly as the plain definition it replaces.

const key = fc.constantFrom('a', 'b', 'retention', 'days', '0', '1', '01', '', 'constructor', 'toString', '__proto__', 'length');
const leaf = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.boolean());
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 4 }), fc.constant(Object.create(null) as object)),
})).v;

describe('segmentsReader', () => {
  it('reads what getAtSegments reads, for paths of any length', () => {
    fc.assert(
      fc.property(value, fc.array(key, { maxLength: 4 }), (v, segments) => {
        expect(segmentsReader(segments)(v)).toBe(getAtSegments(v, segments));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only own properties, three levels down', () => {
    const read = segmentsReader(['a', 'b', 'constructor']);
    expect(read({ a: { b: {} } })).toBeUndefined();
    expect(read({ a: { b: { constructor: 1 } } })).toBe(1);
    expect(read({ a: { b: [1] } })).toBeUndefined();
    expect(segmentsReader(['a', 'b', 'length'])({ a: { b: [1, 2] } })).toBeUndefined();
  });
});

describe('list operators', () => {
  const list = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(undefined), fc.constant(Number.NaN), fc.constant(null)), { maxLength: 6 });
  // Sparse lists too (from the library API): every and some skip their holes.
  const sparse = fc.tuple(list, fc.array(fc.nat(7), { maxLength: 3 })).map(([l, holes]) => {
    const out = [...l];
    for (const h of holes) if (h < out.length) delete out[h];
    return out;
  });
  const operand = fc.oneof(sparse, fc.constant(undefined), fc.constant('ab'), fc.constant({ 0: 1, length: 1 }));

  it('answer as every/some with includes do', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const lists = Array.isArray(a) && Array.isArray(b);
        expect(subsetOf.evaluate(a, b)).toBe(lists && a.every((x) => b.includes(x)));
        expect(intersects.evaluate(a, b)).toBe(lists && a.some((x) => b.includes(x)));
        expect(disjointFrom.evaluate(a, b)).toBe(lists && !a.some((x) => b.includes(x)));
      }),
      { numRuns: 3000 },
    );
  });

  it('skip the holes of a sparse list', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = [, 1];
    expect(subsetOf.evaluate(holed, [1])).toBe(true);
    expect(intersects.evaluate(holed, [undefined])).toBe(false);
  });
});
