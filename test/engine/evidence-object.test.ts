import { describe, expect, it } from 'vitest';
import { evidenceObject } from '../../src/engine/evidence-object.js';

describe('evidenceObject', () => {
  // Every combination of the three optional parts: the keys are those a report has always had, in
  // that order, and an absent part is no key at all.
  const parameter = { id: 'max-retention', value: { months: 1 }, since: '2014-01-01', references: [] };
  for (const condition of [undefined, 'at-most-a-month']) {
    for (const path of [undefined, '/retention']) {
      for (const param of [undefined, parameter]) {
        it(`condition ${condition ? 'named' : 'absent'}, path ${path ? 'given' : 'absent'}, parameter ${param ? 'given' : 'absent'}`, () => {
          const e = evidenceObject(condition, '/cameras/0/retention', 'target', path, 'durationAtMost', { days: 40 }, { months: 1 }, param);
          const expected = [];
          if (condition !== undefined) expected.push('condition');
          expected.push('pointer', 'fact');
          if (path !== undefined) expected.push('path');
          expected.push('operator', 'actual', 'expected');
          if (param !== undefined) expected.push('parameter');
          expect(Object.keys(e)).toEqual(expected);
          const given = { condition, pointer: '/cameras/0/retention', fact: 'target', path, operator: 'durationAtMost', actual: { days: 40 }, expected: { months: 1 }, parameter: param };
          for (const k of expected) expect(e[k as keyof typeof e]).toStrictEqual(given[k as keyof typeof given]);
        });
      }
    }
  }

  it('keeps a pointer key when there is no pointer, as reports always had it', () => {
    const e = evidenceObject('c', undefined, 'asOf', undefined, 'dateOnOrBefore', '2026-01-15', '2025-03-31', undefined);
    expect(Object.keys(e)).toEqual(['condition', 'pointer', 'fact', 'operator', 'actual', 'expected']);
    expect(JSON.stringify(e)).toBe('{"condition":"c","fact":"asOf","operator":"dateOnOrBefore","actual":"2026-01-15","expected":"2025-03-31"}');
  });
});
