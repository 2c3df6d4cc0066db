import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { deepFreeze, isPlainFrozen, isPlainValue } from '../src/parse/freeze.js';

/**
 * Plain data (arrays, and objects whose prototype is Object.prototype or null) is read by the
 * scope judge without asking at each step whether a value is the object's own (scope-judge.ts):
 * what parseConfig made must be known as such, and anything else must not be taken for it.
 */
describe('plain data', () => {
  it('is what parseConfig makes, from JSON or YAML (aliases included)', () => {
    expect(isPlainFrozen(parseConfig('{"name": "x", "cameras": [{"id": "C1", "retention": {"days": 30}}]}').data)).toBe(true);
    const yaml = 'name: x\ncameras:\n  - { id: C1, owner: &o { kind: commune, publicAuthority: true } }\n  - { id: C2, owner: *o }\n';
    expect(isPlainFrozen(parseConfig(yaml).data)).toBe(true);
  });

  it('is known of what deepFreeze froze only, all of it plain', () => {
    expect(isPlainFrozen(deepFreeze({ a: [{ b: 1 }, Object.create(null)] }))).toBe(true);
    expect(isPlainFrozen(deepFreeze({ a: [{ when: new Date(0) }] }))).toBe(false);
    expect(isPlainFrozen(deepFreeze({ a: new Map() }))).toBe(false);
    class Camera {
      id = 'C1';
    }
    expect(isPlainFrozen(deepFreeze({ cameras: [new Camera()] }))).toBe(false);
    expect(isPlainFrozen(deepFreeze([Object.create({ inherited: 1 })]))).toBe(false);
    // Plain, but not frozen by deepFreeze: it may still change.
    expect(isPlainFrozen({ a: 1 })).toBe(false);
    expect(isPlainFrozen(Object.freeze({ a: 1 }))).toBe(false);
    expect(isPlainFrozen('text')).toBe(false);
  });

  it('is told apart now in a value that may change (parameters, rule arguments)', () => {
    expect(isPlainValue({ max: { days: 30 }, kinds: ['a', 'b'], none: null })).toBe(true);
    expect(isPlainValue(Object.assign(Object.create(null), { max: 3 }))).toBe(true);
    expect(isPlainValue(undefined)).toBe(true);
    expect(isPlainValue({ max: Object.create({ days: 30 }) })).toBe(false);
    expect(isPlainValue([[new Date(0)]])).toBe(false);
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(isPlainValue(cycle)).toBe(true);
  });
});
