import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/engine/template.js';

describe('formatValue on lists', () => {
  it('joins the formatted elements with commas, lists of strings as they are', () => {
    const element = fc.oneof(fc.string(), fc.constantFrom('', 'a, b', '/cameras/0/retention'), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.record({ days: fc.integer() }));
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.string(), { minLength: 1 }), fc.array(element, { minLength: 1 }), fc.sparseArray(fc.string(), { maxLength: 8 })), fc.constantFrom('fr', 'en' as const), (list, lang) => {
        if (list.length === 0) return; // 'aucun' / 'none', below
        expect(formatValue(list, lang)).toBe(list.map((v) => formatValue(v, lang)).join(', '));
      }),
      { numRuns: 2000 },
    );
    expect(formatValue([], 'fr')).toBe('aucun');
    expect(formatValue(['AP-1', 'AP-2'], 'en')).toBe('AP-1, AP-2');
    expect(formatValue([true, 'x', 30.5], 'fr')).toBe('oui, x, 30.5');
  });
});
