import { describe, expect, it } from 'vitest';
import { containsAll } from '../../src/engine/operators/contains-all.js';
import { customOperator } from '../../src/engine/operators/index.js';

describe('containsAll', () => {
  it('is registered', () => {
    expect(customOperator('containsAll')).toBe(containsAll);
  });

  it('holds when the fact has every element of the value, in any order, with extras', () => {
    expect(containsAll.evaluate(['time', 'user', 'motive', 'cameras'], ['user', 'time', 'motive'])).toBe(true);
    expect(containsAll.evaluate(['a'], [])).toBe(true);
  });

  it('fails when one element is missing', () => {
    expect(containsAll.evaluate(['user', 'time'], ['user', 'time', 'motive'])).toBe(false);
  });

  it('fails on anything but two lists', () => {
    expect(containsAll.evaluate(undefined, ['a'])).toBe(false);
    expect(containsAll.evaluate('abc', ['a'])).toBe(false);
    expect(containsAll.evaluate(['a'], 'a')).toBe(false);
  });
});
