import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disjointFrom, intersects, subsetOf } from '../../src/engine/operators/sets.js';
import { comparePointers, getAtSegments, parsePointer, segmentsReader } from '../../src/parse/pointer.js';

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

describe('comparePointers', () => {
  // The order it defines: segment by segment, numerically when both are digits, else as strings; a prefix first.
  const reference = (a: string, b: string): number => {
    const sa = parsePointer(a);
    const sb = parsePointer(b);
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
      const [x, y] = [sa[i]!, sb[i]!];
      if (x === y) continue;
      if (/^[0-9]+$/.test(x) && /^[0-9]+$/.test(y)) return Number(x) - Number(y);
      return x < y ? -1 : 1;
    }
    return sa.length - sb.length;
  };
  const segment = fc.oneof(fc.nat(120).map(String), fc.constantFrom('cameras', 'users', '01', '007', '~0', '~1', 'a~1b', '', '9007199254740993', '12345678901234567'));
  const pointer = fc.array(segment, { maxLength: 4 }).map((s) => s.map((x) => `/${x}`).join(''));

  it('orders as segment-by-segment comparison does, siblings and long numbers included', () => {
    fc.assert(
      fc.property(pointer, pointer, (a, b) => {
        expect(Math.sign(comparePointers(a, b))).toBe(Math.sign(reference(a, b)));
      }),
      { numRuns: 5000 },
    );
    expect(comparePointers('/cameras/2', '/cameras/10')).toBeLessThan(0);
    expect(comparePointers('/cameras/10', '/cameras/9')).toBeGreaterThan(0);
    expect(comparePointers('/cameras/010', '/cameras/10')).toBe(0);
  });
});

describe('merger', () => {
  // Key order and own `__proto__` keys included: what a report shows of a merged camera.
  const show = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(show).join(',')}]`;
    if (v !== null && typeof v === 'object') {
      const symbols = Object.getOwnPropertySymbols(v).map((s) => `${String(s)}:${show((v as Record<symbol, unknown>)[s])}`);
      return `${Object.getPrototypeOf(v) === null ? 'null' : ''}{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${show((v as Record<string, unknown>)[k])}`).concat(symbols).join(',')}}`;
    }
    return v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v);
  };
  const withProto = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.parse(`{"__proto__": {"a": 1}, ${JSON.stringify(v).slice(1, -1) || '"b": 2'}}`) : v);

  it('merges as mergeUnder does', async () => {
    const { mergeUnder, merger } = await import('../../src/merge.js');
    const { deepFreeze } = await import('../../src/parse/freeze.js');
    fc.assert(
      fc.property(value, value, fc.boolean(), fc.boolean(), fc.boolean(), (d, v, protoD, protoV, frozen) => {
        // Parsed input is deep-frozen: each merge of frozen defaults is a new object of its own, not frozen.
        const plain = protoD ? withProto(d) : d;
        const defaults = frozen ? deepFreeze(plain) : plain;
        const camera = protoV ? withProto(v) : v;
        const merge = merger(defaults);
        const first = merge(camera);
        expect(show(first)).toBe(show(mergeUnder(defaults, camera)));
        if (first !== null && typeof first === 'object' && first !== camera && first !== defaults) {
          expect(merge(camera)).not.toBe(first);
          expect(Object.isFrozen(first)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
    // A camera's own `__proto__` key holding an object, under defaults without it: mergeUnder merges
    // it with what the defaults inherit under that name (Object.prototype), a new plain object.
    for (const d of [{}, Object.freeze({ a: { b: 1 } })]) {
      const camera = JSON.parse('{"__proto__": {"c": 1}, "a": {"d": 2}}');
      Object.setPrototypeOf(Object.getOwnPropertyDescriptor(camera, '__proto__')!.value, null);
      const merged = merger(d)(camera);
      expect(show(merged)).toBe(show(mergeUnder(d, camera)));
      expect(Object.getPrototypeOf(Object.getOwnPropertyDescriptor(merged, '__proto__')!.value)).toBe(Object.prototype);
    }
    const s = Symbol('s');
    const defaults = { [s]: 1, a: { b: 1 } };
    expect(show(merger(defaults)({ a: { c: 2 } }))).toBe(show(mergeUnder(defaults, { a: { c: 2 } })));
    expect(Object.getOwnPropertySymbols(merger(defaults)({}))).toEqual([]);
    // Symbol keys one level down: the inner object is merged key by key too.
    const nested = { a: { [s]: 1, b: 1 } };
    expect(show(merger(nested)({ a: { c: 2 } }))).toBe(show(mergeUnder(nested, { a: { c: 2 } })));
    expect(Object.getOwnPropertySymbols((merger(nested)({ a: { c: 2 } }) as { a: object }).a)).toEqual([]);
  });
});
