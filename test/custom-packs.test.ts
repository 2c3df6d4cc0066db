import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VigieInputError, builtinRuleSet, evaluate, failsPolicy, loadRuleSet, resolveParameters, type Finding, type PackFile } from '../src/index.js';
import { isAtLeastAsTight, magnitude } from '../src/packs/tightening.js';
import { loadRulePackDir } from '../src/node/index.js';
import { ROOT, read } from './helpers.js';

const base = builtinRuleSet();
const PACK = 'pack.yaml';
const packYaml = (extra = '') => `id: mine\ntitle: { fr: À moi, en: Mine }\ndescription: { fr: Essai, en: Test }\ndefault: false\n${extra}`;
const override = (value: string, id = 'retention-max', from = '2024-01-01') =>
  `overrides: ${id}\npack: mine\nvalues:\n  - from: "${from}"\n    value: ${value}\n    references:\n      - { source: Arrêté municipal, article: "1", confidence: C }\n`;

function refused(files: PackFile[]) {
  try {
    loadRuleSet(files, base);
  } catch (e) {
    if (e instanceof VigieInputError) return e.issues;
    throw e;
  }
  throw new Error('expected the pack to be refused');
}

describe('custom packs on top of fr-law', () => {
  it('may tighten retention-max; the tighter value is in force from its date, the law before', () => {
    const set = loadRuleSet([{ path: `mine/${PACK}`, text: packYaml() }, { path: 'mine/parameters/retention.yaml', text: override('{ days: 20 }') }], base);
    expect(resolveParameters(set.parameters, '2023-06-01').values['retention-max']).toEqual({ months: 1 });
    expect(resolveParameters(set.parameters, '2025-06-01').values['retention-max']).toEqual({ days: 20 });
    expect(base.parameters.find((p) => p.id === 'retention-max')!.values).toHaveLength(1); // the base set is untouched
  });

  it('may restate the law exactly (30 days for one month)', () => {
    expect(() => loadRuleSet([{ path: `mine/${PACK}`, text: packYaml() }, { path: 'mine/parameters/r.yaml', text: override('{ days: 30 }') }], base)).not.toThrow();
  });

  it('may not loosen retention-max: refused with file:line:column and what would be allowed', () => {
    const [issue, ...rest] = refused([{ path: `mine/${PACK}`, text: packYaml() }, { path: 'mine/parameters/r.yaml', text: override('{ months: 2 }') }]);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'loosens-binding', pointer: '/values/0/value', location: { file: 'mine/parameters/r.yaml', line: 5, column: 5 }, expected: 'a value lower than or equal to {months: 1}' });
    expect(issue!.message).toContain('may only be tightened');
  });

  it('may not override a parameter whose tighterIs is none, nor an unknown one', () => {
    const [none] = refused([{ path: `mine/${PACK}`, text: packYaml() }, { path: 'mine/parameters/m.yaml', text: override('31', 'month-counting') }]);
    expect(none).toMatchObject({ code: 'loosens-binding', pointer: '/overrides', location: { line: 1 } });
    expect(none!.message).toContain('cannot be overridden (tighterIs: none)');
    const [unknown] = refused([{ path: `mine/${PACK}`, text: packYaml() }, { path: 'mine/parameters/x.yaml', text: override('1', 'retention-maxi') }]);
    expect(unknown).toMatchObject({ code: 'unknown-parameter', pointer: '/overrides' });
  });

  it('may not disable or replace an fr-law rule, saying why', () => {
    const [disabled] = refused([{ path: `mine/${PACK}`, text: packYaml('disable: [no-audio-capture]\n') }]);
    expect(disabled).toMatchObject({ code: 'binding-rule', pointer: '/disable/0', location: { file: `mine/${PACK}`, line: 5 } });
    const rule = base.rules.find((r) => r.definition.id === 'no-audio-capture')!;
    const original = read('rules/fr-law/no-audio-capture/rule.yaml').replace('pack: fr-law', 'pack: mine');
    expect(rule.file).toBe('rules/fr-law/no-audio-capture/rule.yaml');
    const [replaced] = refused([{ path: `mine/${PACK}`, text: packYaml() }, { path: 'mine/no-audio-capture/rule.yaml', text: original }]);
    expect(replaced).toMatchObject({ code: 'duplicate-id' });
    expect(replaced!.message).toContain('rules of the binding pack "fr-law" cannot be replaced');
  });

  it('may not redefine a scope the base rules use (it would change what they check)', () => {
    const [issue] = refused([{ path: 'mine/scopes.yaml', text: 'scopes:\n  camera:\n    each: /nothing\n    label: { fr: rien, en: nothing }\n' }]);
    expect(issue).toMatchObject({ code: 'duplicate-id', pointer: '/scopes/camera', location: { file: 'mine/scopes.yaml', line: 2 } });
  });

  it('may disable a rule of a non-binding pack', () => {
    const extra = loadRulePackDir(join(ROOT, 'test/fixtures/packs/city-practice'), base);
    const set = loadRuleSet([{ path: `mine/${PACK}`, text: packYaml('disable: [camera-location-stated]\n') }], extra);
    expect(set.rules.some((r) => r.definition.id === 'camera-location-stated')).toBe(false);
  });

  it('the loaded fixture pack adds its rule and evaluates it with the tighter limit', async () => {
    const set = loadRulePackDir(join(ROOT, 'test/fixtures/packs/city-practice'), base);
    const report = await evaluate({ recording: { retention: { days: 20 } }, cameras: [{ id: 'A' }] }, { asOf: '2026-01-15', ruleSet: set, packs: ['fr-law', 'city-practice'] });
    const status = (id: string) => report.findings.find((f) => f.ruleId === id)!.status;
    expect(status('retention-max-one-month')).toBe('violation');
    expect(status('camera-location-stated')).toBe('violation');
  });
});

describe('tightening', () => {
  it('compares numbers, durations, dates and sets in the direction tighterIs gives', () => {
    expect(magnitude({ months: 1 })).toBe(30);
    expect(magnitude({ days: 3, hours: 12 })).toBe(3.5);
    expect(magnitude({ fortnights: 1 })).toBeUndefined();
    expect(isAtLeastAsTight('lower', { days: 15 }, { months: 1 })).toBe(true);
    expect(isAtLeastAsTight('lower', { days: 31 }, { months: 1 })).toBe(false);
    expect(isAtLeastAsTight('higher', 3, 2.5)).toBe(true);
    expect(isAtLeastAsTight('earlier', '2027-01-01', '2027-03-31')).toBe(true);
    expect(isAtLeastAsTight('later', '2027-01-01', '2027-03-31')).toBe(false);
    expect(isAtLeastAsTight('subset', ['a'], ['a', 'b'])).toBe(true);
    expect(isAtLeastAsTight('subset', ['a', 'c'], ['a', 'b'])).toBe(false);
    expect(isAtLeastAsTight('lower', 'a lot', 3)).toBeUndefined();
    expect(isAtLeastAsTight('none', 1, 1)).toBe(false);
  });
});

describe('failure threshold', () => {
  const f = (status: Finding['status'], severity: Finding['severity']) => ({ status, severity }) as Finding;
  it('counts violations at or above the level, undetermined only when asked, waived never', () => {
    expect(failsPolicy(f('violation', 'warning'), { failOn: 'error' })).toBe(false);
    expect(failsPolicy(f('violation', 'warning'), { failOn: 'warning' })).toBe(true);
    expect(failsPolicy(f('violation', 'info'), { failOn: 'info' })).toBe(true);
    expect(failsPolicy(f('violation', 'error'), { failOn: 'never' })).toBe(false);
    expect(failsPolicy(f('undetermined', 'error'), { failOn: 'error' })).toBe(false);
    expect(failsPolicy(f('undetermined', 'error'), { failOn: 'error', failOnUndetermined: true })).toBe(true);
    expect(failsPolicy(f('undetermined', 'warning'), { failOn: 'error', failOnUndetermined: true })).toBe(false);
    expect(failsPolicy(f('waived', 'error'), { failOn: 'info', failOnUndetermined: true })).toBe(false);
  });
});
