import { describe, expect, it } from 'vitest';
import { dropGathered, gathering, takeGathered } from '../../src/engine/gathering.js';

describe('a gathering', () => {
  it('gives what was gathered since the last take, in a list of its own number', () => {
    const g = gathering<number>();
    for (const x of [3, 1, 2]) g.items[g.count++] = x;
    const first = takeGathered(g, false);
    expect(first).toEqual([3, 1, 2]);
    g.items[g.count++] = 7;
    expect(takeGathered(g, false)).toEqual([7]);
    expect(first).toEqual([3, 1, 2]); // a list of its own, not the gathering's
    expect(takeGathered(g, false)).toEqual([]);
  });

  it('lets go of the values when asked to forget them, and when dropped', () => {
    const g = gathering<object>();
    const a = {};
    g.items[g.count++] = a;
    g.items[g.count++] = {};
    expect(takeGathered(g, true)[0]).toBe(a);
    expect(g.items.slice(0, 2)).toEqual([undefined, undefined]);
    g.items[g.count++] = a;
    dropGathered(g);
    expect(g.count).toBe(0);
    expect(g.items[0]).toBeUndefined();
  });
});
