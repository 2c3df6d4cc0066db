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

  it('find and filter on one equality agree with a scan', () => {
    expect(run('find', { in: { fact: 'u' }, where: [{ path: '/role', equals: 'x' }] }, { u: users })).toMatchObject({ value: users[0], pointer: '/u/0' });
    expect(run('filter', { in: { fact: 'u' }, where: [{ path: '/role', equals: 'x' }] }, { u: users }).value).toEqual([users[0], users[2]]);
    expect(run('find', { in: { fact: 'u' }, where: [{ path: '/role', equals: 'z' }] }, { u: users }).value).toBeUndefined();
  });
});
