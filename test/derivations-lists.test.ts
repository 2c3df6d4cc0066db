import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivations } from '../src/index.js';
import { isFactRef, literal, type DerivedValue } from '../src/engine/derivations/derivation.js';

/** Runs a derivation with facts given as plain values (each at its own pointer). */
function run(name: string, args: unknown, facts: Record<string, unknown>, asOf = '2026-03-01'): DerivedValue {
  const d = derivations.find((x) => x.name === name)!;
  const resolve = (a: unknown): DerivedValue => {
    if (!isFactRef(a)) return literal(a);
    const base = facts[a.fact];
    let value: unknown = base;
    for (const k of (a.path ?? '').split('/').slice(1)) value = value === undefined || value === null ? undefined : (value as Record<string, unknown>)[k];
    const pointer = `/${a.fact}${a.path ?? ''}`;
    return { value, pointer, looked: [pointer], params: [] };
  };
  return d.compute(args, { resolve, asOf });
}

const deployment = {
  cameraDefaults: { commune: '99001', retention: { days: 30 } },
  cameras: [{ id: 'A' }, { id: 'B', commune: '99002', retention: { days: 7 } }],
};

describe('findAll', () => {
  const args = { keys: { fact: 'keys' }, in: { fact: 'd', path: '/cameras' }, key: '/id', defaults: { fact: 'd', path: '/cameraDefaults' } };

  it('finds each key, in order, merged over the defaults', () => {
    expect(run('findAll', args, { keys: ['B', 'A'], d: deployment }).value).toEqual([
      { id: 'B', commune: '99002', retention: { days: 7 } },
      { id: 'A', commune: '99001', retention: { days: 30 } },
    ]);
  });

  it('is unknown, naming the key, when one matches no item', () => {
    const r = run('findAll', args, { keys: ['A', 'Z'], d: deployment });
    expect(r.value).toBeUndefined();
    expect(r.looked).toEqual(['/d/cameras/*/id = "Z"']);
  });
});

describe('pluck, minimum, elapsedDays, durationDays on lists', () => {
  it('pluck takes a default for items that do not state the path, or skips them', () => {
    const items = [{ r: 1 }, {}];
    expect(run('pluck', { from: { fact: 'i' }, path: '/r', default: 9 }, { i: items }).value).toEqual([1, 9]);
    expect(run('pluck', { from: { fact: 'i' }, path: '/r', skipMissing: true }, { i: items }).value).toEqual([1]);
    expect(run('pluck', { from: { fact: 'i' }, path: '/r' }, { i: items }).value).toBeUndefined();
  });

  it('minimum of numbers; unknown for an empty list', () => {
    expect(run('minimum', { fact: 'l' }, { l: [3, 1.5, 2] }).value).toBe(1.5);
    expect(run('minimum', { fact: 'l' }, { l: [] }).value).toBeUndefined();
  });

  it('elapsedDays compares instants across offsets', () => {
    expect(run('elapsedDays', { from: '2026-02-01T00:00:00+01:00', to: '2026-02-02T12:00:00Z' }, {}).value).toBeCloseTo(1.5417, 3);
    expect(run('elapsedDays', { from: 'yesterday', to: '2026-02-02T12:00:00Z' }, {}).value).toBeUndefined();
  });

  it('durationDays maps a list of durations, counting calendar months from `from`', () => {
    expect(run('durationDays', { duration: [{ days: 7 }, { months: 1 }], from: '2026-02-10', monthLength: 'calendar' }, {}).value).toEqual([7, 28]);
    expect(run('durationDays', { duration: [{ days: 7 }, { months: 1 }], from: '2026-02-10', monthLength: 30 }, {}).value).toEqual([7, 30]);
  });
});

describe('find and filter', () => {
  const users = [{ id: 'a', role: 'x' }, { id: 'b', role: 'y' }, { id: 'c', role: 'x' }];

  it('filter matches items whose value is in a list', () => {
    expect(run('filter', { in: { fact: 'u' }, where: [{ path: '/id', in: ['a', 'c'] }] }, { u: users }).value).toEqual([users[0], users[2]]);
  });

  it('filter is unknown, not empty, when the value to match is unknown', () => {
    expect(run('filter', { in: { fact: 'u' }, where: [{ path: '/id', in: { fact: 'missing' } }] }, { u: users }).value).toBeUndefined();
  });

  it('find and filter agree with a scan on lists long enough to be read through their indexes', () => {
    // From 6 items the matching positions come from per-list indexes, merged when several
    // alternatives hit: the same items, in list order, each once, as this scan finds them.
    const key = fc.constantFrom('A', 'B', 'C', 'all', 0, -0, Number.NaN);
    const item = fc.record({ id: key, cameras: fc.oneof(key, fc.array(key, { maxLength: 3 })) }, { requiredKeys: [] });
    const match = fc.record({ path: fc.constantFrom('/id', '/cameras'), equals: key, contains: key }, { requiredKeys: ['path'] });
    const hits = (x: Record<string, unknown>, m: { path: string; equals?: unknown; contains?: unknown }) => {
      const v = x[m.path.slice(1)];
      return (m.equals !== undefined && v === m.equals) || (m.contains !== undefined && Array.isArray(v) && v.includes(m.contains));
    };
    // NaN is stated but equals nothing, not even an item's NaN (an index's Map would find it).
    const withNaN = [{}, {}, {}, {}, {}, { cameras: Number.NaN }];
    for (const u of [withNaN, withNaN.slice(4)]) {
      expect(run('filter', { in: { fact: 'u' }, where: [{ path: '/cameras', equals: Number.NaN }] }, { u }).value).toEqual([]);
      expect(run('find', { in: { fact: 'u' }, where: [{ path: '/cameras', equals: Number.NaN }] }, { u }).value).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.array(item, { minLength: 6, maxLength: 14 }), fc.array(match, { minLength: 1, maxLength: 3 }), fc.array(match, { maxLength: 2 }), (items, where, except) => {
        const args = { in: { fact: 'u' }, where, ...(except.length ? { except } : {}) };
        const stated = where.some((m) => m.equals !== undefined || m.contains !== undefined);
        const expected = stated ? items.filter((x) => where.some((m) => hits(x, m)) && !except.some((m) => hits(x, m))) : undefined;
        expect(run('filter', args, { u: items }).value).toEqual(expected);
        expect(run('find', args, { u: items }).value).toBe(expected?.[0]);
        const compiled = derivations.find((d) => d.name === 'filter')!.compileValue(args, (a) => (isFactRef(a) ? () => items : () => a), '2026-03-01');
        expect(compiled(undefined)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('find and filter on one equality agree with a scan', () => {
    expect(run('find', { in: { fact: 'u' }, where: [{ path: '/role', equals: 'x' }] }, { u: users })).toMatchObject({ value: users[0], pointer: '/u/0' });
    expect(run('filter', { in: { fact: 'u' }, where: [{ path: '/role', equals: 'x' }] }, { u: users }).value).toEqual([users[0], users[2]]);
    expect(run('find', { in: { fact: 'u' }, where: [{ path: '/role', equals: 'z' }] }, { u: users }).value).toBeUndefined();
  });
});
