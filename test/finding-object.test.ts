import { describe, expect, it } from 'vitest';
import { findingObject } from '../src/report/finding-object.js';
import type { Finding } from '../src/types.js';
import { evaluate } from '../src/index.js';
import { loadConfigFile } from '../src/node/index.js';

const base: Omit<Finding, 'targetId' | 'location' | 'missing'> = {
  ruleId: 'r',
  pack: 'p',
  status: 'violation',
  severity: 'error',
  scope: 'camera',
  pointer: '/cameras/0',
  message: { fr: 'f', en: 'e' },
  evidence: [],
  legal: [],
  remediation: { fr: 'f', en: 'e' },
};

describe('findingObject', () => {
  // Every combination of the three optional parts: the keys are those a report has always had, in
  // that order, and an absent part is no key at all.
  for (const targetId of [undefined, 'CAM-1']) {
    for (const location of [undefined, { file: 'd.yaml', line: 3, column: 5 }]) {
      for (const missing of [[], ['/cameras/0/retention']]) {
        it(`targetId ${targetId ?? 'absent'}, location ${location ? 'given' : 'absent'}, missing ${missing.length}`, () => {
          const f = findingObject(base, base.status, base.pointer, targetId, location, base.message, base.evidence, missing);
          const expected = ['ruleId', 'pack', 'status', 'severity', 'scope', 'pointer'];
          if (targetId !== undefined) expected.push('targetId');
          if (location) expected.push('location');
          expected.push('message', 'evidence');
          if (missing.length) expected.push('missing');
          expected.push('legal', 'remediation');
          expect(Object.keys(f)).toEqual(expected);
          for (const k of expected) expect(f[k as keyof typeof f]).toBe({ ...base, targetId, location, missing }[k as keyof Finding]);
        });
      }
    }
  }

  it('gives findings of a located deployment their keys in report order', async () => {
    const config = await loadConfigFile('examples/small-town-violations.yaml');
    const report = await evaluate(config, { asOf: '2026-01-15' });
    const withAll = report.findings.find((f) => f.targetId !== undefined && f.location && f.missing);
    expect(withAll).toBeDefined();
    expect(Object.keys(withAll!)).toEqual(['ruleId', 'pack', 'status', 'severity', 'scope', 'pointer', 'targetId', 'location', 'message', 'evidence', 'missing', 'legal', 'remediation']);
    for (const f of report.findings) for (const v of Object.values(f)) expect(v).not.toBeUndefined();
  });
});
