import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/engine/template.js';
import { compileMessages, renderMessages, type MessageContext } from '../../src/report/messages.js';

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

describe('renderMessages', () => {
  it('writes each placeholder as formatValue writes the value at its path in each language, own keys only, and the text as it is', () => {
    // The definition: every `{{path}}` replaced in turn, the value read key by key (nothing inherited).
    const reference = (template: string, context: Record<string, unknown>, lang: 'fr' | 'en') =>
      template.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_, path: string) => {
        let v: unknown = context;
        for (const key of path.split('.')) v = v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
        return formatValue(v, lang);
      });
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), fc.sparseArray(fc.integer(), { maxLength: 4 }), fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constant(undefined)), { maxLength: 3 }));
    // Every key of a message's context, each value random (undefined included), as toFinding makes it.
    const context: fc.Arbitrary<MessageContext> = fc.record({
      target: fc.oneof(fc.record({ id: value, retention: fc.record({ days: fc.integer() }) }, { requiredKeys: [] }), value),
      targetId: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      pointer: fc.constantFrom('', '/cameras/3', '/users/0'),
      actual: value,
      expected: value,
      condition: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      missing: fc.array(fc.string(), { maxLength: 3 }),
      param: fc.dictionary(fc.constantFrom('retention-max', 'x'), value),
      facts: fc.option(fc.dictionary(fc.constantFrom('a', 'b', 'toString'), value), { nil: undefined }),
      asOf: fc.constant('2026-01-15'),
    });
    const piece = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('{{targetId}}', '{{ missing }}', '{{facts.a}}', '{{facts.toString}}', '{{facts}}', '{{target.retention}}', '{{target.id}}', '{{target}}', '{{pointer}}', '{{actual}}', '{{expected.length}}', '{{condition}}', '{{param.retention-max}}', '{{asOf}}'),
      fc.constantFrom('{{constructor}}', '{{__proto__}}', '{{nothing.here}}', '{{toString}}', 'é ; « »', '{{', '}}'),
    );
    // The two languages' templates name some placeholders in common (looked up, and written, once).
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(piece, { maxLength: 8 }), context, (fr, en, ctx) => {
        const templates = { fr: fr.join(''), en: en.join('') };
        const compiled = compileMessages(templates.fr, templates.en);
        const expected = { fr: reference(templates.fr, ctx as unknown as Record<string, unknown>, 'fr'), en: reference(templates.en, ctx as unknown as Record<string, unknown>, 'en') };
        expect(renderMessages(compiled, ctx)).toEqual(expected);
        expect(renderMessages(compiled, ctx)).toEqual(expected); // compiled once, read again
        // One template in both languages: a value written in words differs between them.
        const same = compileMessages(templates.fr, templates.fr);
        expect(renderMessages(same, ctx)).toEqual({ fr: expected.fr, en: reference(templates.fr, ctx as unknown as Record<string, unknown>, 'en') });
      }),
      { numRuns: 3000 },
    );
  });
});
