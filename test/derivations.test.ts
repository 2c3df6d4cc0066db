import { describe, expect, it } from 'vitest';
import { derivation } from '../src/engine/derivations/index.js';
import { isFactRef, literal, type DerivationContext, type DerivedValue } from '../src/engine/derivations/derivation.js';

/** A context whose facts sit at known places of an input, as the engine gives them. */
function context(facts: Record<string, DerivedValue>): DerivationContext {
  return {
    asOf: '2026-01-15',
    resolve: (a) => (isFactRef(a) ? (facts[a.fact] ?? { value: undefined, looked: [`/${a.fact}`], params: [] }) : literal(a)),
  };
}
const at = (value: unknown, pointer: string): DerivedValue => ({ value, pointer, looked: [pointer], params: [] });
const run = (name: string, args: unknown, facts: Record<string, DerivedValue> = {}) => derivation(name)!.compute(args, context(facts));

describe('daysBetween', () => {
  it('counts calendar days, negative backwards, across a leap day', () => {
    expect(run('daysBetween', { from: '2024-02-28', to: '2024-03-01' }).value).toBe(2);
    expect(run('daysBetween', { from: '2023-02-28', to: '2023-03-01' }).value).toBe(1);
    expect(run('daysBetween', { from: '2024-03-01', to: '2024-02-28' }).value).toBe(-2);
    expect(run('daysBetween', { from: '2024-01-01', to: '2024-01-01' }).value).toBe(0);
  });

  it('is unknown, naming the missing date, when one is not stated or not a date', () => {
    const r = run('daysBetween', { from: { fact: 'issued' }, to: '2024-01-01' }, { issued: { value: undefined, looked: ['/a/0/issued'], params: [] } });
    expect(r).toMatchObject({ value: undefined, looked: ['/a/0/issued'] });
    expect(run('daysBetween', { from: 'soon', to: '2024-01-01' }).value).toBeUndefined();
  });

  it('reads no object as a date, not even one without toString (it used to throw)', () => {
    expect(run('daysBetween', { from: Object.create(null), to: '2024-01-01' }).value).toBeUndefined();
    expect(run('daysBetween', { from: ['2024-01-01'], to: '2024-01-02' }).value).toBeUndefined();
  });
});

describe('keysNotEqual', () => {
  it('takes no object in its list of keys for a name, not even one without toString (it used to throw)', () => {
    const of = at({ days: 30, null: 1 }, '/r');
    expect(run('keysNotEqual', { of: { fact: 'of' }, keys: [Object.create(null), 'days', null], equals: 1 }, { of }).value).toEqual(['days']);
  });
});

describe('find and filter with except', () => {
  const acts = at(
    [
      { ref: 'A', cameras: ['C1'], covers: ['algorithmic-processing'] },
      { ref: 'B', cameras: 'all' },
      { ref: 'C', cameras: ['C1'], covers: ['video-protection'] },
    ],
    '/acts',
  );
  const where = [{ path: '/cameras', contains: 'C1' }, { path: '/cameras', equals: 'all' }];

  it('skips the items matching an except alternative', () => {
    expect((run('filter', { in: { fact: 'acts' }, where }, { acts }).value as Array<{ ref: string }>).map((x) => x.ref)).toEqual(['A', 'B', 'C']);
    const kept = run('filter', { in: { fact: 'acts' }, where, except: [{ path: '/covers', contains: 'algorithmic-processing' }] }, { acts });
    expect((kept.value as Array<{ ref: string }>).map((x) => x.ref)).toEqual(['B', 'C']);
  });

  it('points find at the first kept item', () => {
    const r = run('find', { in: { fact: 'acts' }, where, except: [{ path: '/covers', contains: 'algorithmic-processing' }] }, { acts });
    expect(r).toMatchObject({ value: { ref: 'B' }, pointer: '/acts/1' });
  });

  it('is unknown when every match is excluded, naming the list', () => {
    const r = run('find', { in: { fact: 'acts' }, where: [{ path: '/ref', equals: 'A' }], except: [{ path: '/covers', contains: 'algorithmic-processing' }] }, { acts });
    expect(r).toMatchObject({ value: undefined, looked: ['/acts'] });
  });
});

describe('pluck after filter', () => {
  it('names the missing field at its place in the input, not in the filtered list', () => {
    const acts = at([{ ref: 'A', cameras: ['C2'] }, { ref: 'B', cameras: ['C1'] }], '/acts');
    const listed = run('filter', { in: { fact: 'acts' }, where: [{ path: '/cameras', contains: 'C1' }] }, { acts });
    expect(listed.itemPointers).toEqual(['/acts/1']);
    const issued = run('pluck', { from: { fact: 'listed' }, path: '/issued' }, { listed });
    expect(issued).toMatchObject({ value: undefined, looked: ['/acts/1/issued'] });
  });
});
