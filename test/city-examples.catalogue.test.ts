// What the city examples are for, judged by the full rule catalogue. These tests need rules that
// other parts of the catalogue bring (appearance search, façade masks, access, exports, owners):
// until those rules exist they FAIL, saying which rule is missing. They are never skipped, so
// that a missing rule cannot pass for a compliant city.
//
// Rules are found by what they read (a JSON Pointer in their facts or conditions), not by their
// id, so the tests hold whatever the catalogue names them.
import { describe, expect, it } from 'vitest';
import { builtinRuleSet, type Deployment, type Finding, type LoadedRule } from '../src/index.js';
import { cityData, cityReport, evaluateData } from './city-examples.helpers.js';

/** Rules of `packs` whose derived facts or conditions read a path containing `fragment`. */
function rulesReading(fragment: string, packs: string[], purpose: string): LoadedRule[] {
  const found = builtinRuleSet().rules.filter((r) => {
    const d = r.definition;
    return packs.includes(d.pack) && JSON.stringify([d.facts ?? {}, d.appliesIf ?? {}, d.conditions]).includes(fragment);
  });
  expect(found.length, `the catalogue has no rule of ${packs.join(' or ')} reading "${fragment}" (${purpose}): it lands with the full catalogue`).toBeGreaterThan(0);
  return found;
}

function packRules(pack: string): LoadedRule[] {
  const rules = builtinRuleSet().rules.filter((r) => r.definition.pack === pack);
  expect(rules.length, `the ${pack} pack has no rule yet: it lands with the full catalogue`).toBeGreaterThan(0);
  return rules;
}

const by = (rules: LoadedRule[]) => {
  const ids = new Set(rules.map((r) => r.definition.id));
  return (f: Finding) => ids.has(f.ruleId);
};

const notPassing = (findings: Finding[]) => findings.filter((f) => f.status === 'violation' || f.status === 'undetermined').map((f) => `${f.status} ${f.ruleId} ${f.pointer}: ${f.message.en}`);

type Camera = NonNullable<Deployment['cameras']>[number];
const cameras = (d: Deployment): Camera[] => d.cameras ?? [];

describe('nimes-like (appearance search outside a judicial framework)', () => {
  it('is flagged by no-appearance-search (the fr-law rule reading /analytics/appearanceSearch), on every camera', async () => {
    const rules = rulesReading('/analytics/appearanceSearch', ['fr-law'], 'no-appearance-search');
    const report = await cityReport('nimes-like', ['fr-law']);
    const flagged = report.findings.filter(by(rules)).filter((f) => f.status === 'violation');
    expect(new Set(flagged.map((f) => f.targetId)).size).toBe(cameras(cityData('nimes-like')).length);
  });

  it('is no longer flagged by it once appearance search is switched off', async () => {
    const rules = rulesReading('/analytics/appearanceSearch', ['fr-law'], 'no-appearance-search');
    const data = cityData('nimes-like');
    (data.cameraDefaults as { analytics: { appearanceSearch: unknown } }).analytics.appearanceSearch = { enabled: false };
    const report = await evaluateData(data, ['fr-law']);
    expect(report.findings.filter(by(rules)).filter((f) => f.status === 'violation')).toEqual([]);
  });
});

describe('metz-like (stricter than the law)', () => {
  it('passes fr-law + strict: no violation and nothing undetermined, with the strict pack populated', async () => {
    packRules('strict');
    const report = await cityReport('metz-like', ['fr-law', 'strict']);
    expect(notPassing(report.findings)).toEqual([]);
    expect(report.findings.some((f) => f.pack === 'strict' && f.status === 'pass')).toBe(true);
  });

  it('fails mask-above-height (the rule reading aboveHeightMetres) when its masks are removed', async () => {
    const rules = rulesReading('aboveHeightMetres', ['fr-law', 'strict'], 'mask-above-height');
    const data = cityData('metz-like');
    (data.cameraDefaults as { masks: unknown[] }).masks = [];
    for (const c of cameras(data)) c.masks = [];
    const report = await evaluateData(data, ['fr-law', 'strict']);
    const flagged = report.findings.filter(by(rules)).filter((f) => f.status === 'violation');
    const residential = cameras(cityData('metz-like')).filter((c) => (c.inView as { residentialBuildings?: boolean } | undefined)?.residentialBuildings !== false);
    expect(new Set(flagged.map((f) => f.targetId))).toEqual(new Set(residential.map((c) => c.id)));
  });

  it('fails mask-above-height when the masks start higher than 2.5 m', async () => {
    const rules = rulesReading('aboveHeightMetres', ['fr-law', 'strict'], 'mask-above-height');
    const data = cityData('metz-like');
    (data.cameraDefaults as { masks: Array<{ aboveHeightMetres: number }> }).masks[0]!.aboveHeightMetres = 4;
    const report = await evaluateData(data, ['fr-law', 'strict']);
    expect(report.findings.filter(by(rules)).some((f) => f.status === 'violation')).toBe(true);
  });

  it('fails the access rules when CSU agents may replay recordings', async () => {
    const rules = rulesReading('/permissions', ['fr-law', 'strict'], 'who may replay recordings');
    const data = cityData('metz-like');
    const agent = data.roles!.find((r) => r.id === 'agent-csu')!;
    agent.permissions = ['live-view', 'ptz', 'replay'];
    const report = await evaluateData(data, ['fr-law', 'strict']);
    expect(report.findings.filter(by(rules)).some((f) => f.status === 'violation')).toBe(true);
  });
});

describe('nantes-like (a large CSU, extractions on requisition)', () => {
  it('passes fr-law + cnil-guidance: no violation and nothing undetermined, with the cnil-guidance pack populated', async () => {
    packRules('cnil-guidance');
    const report = await cityReport('nantes-like');
    expect(notPassing(report.findings)).toEqual([]);
  });

  it('is flagged when footage may leave the CSU without a requisition (the rule reading /exports)', async () => {
    const rules = rulesReading('/exports', ['fr-law', 'cnil-guidance'], 'exports only on requisition');
    const data = cityData('nantes-like');
    data.exports = { requisitionRequired: false, registry: true };
    const report = await evaluateData(data, ['fr-law', 'cnil-guidance']);
    expect(report.findings.filter(by(rules)).some((f) => f.status === 'violation')).toBe(true);
  });

  it('is flagged when an operator is not bound by professional secrecy (the rule reading /professionalSecrecy)', async () => {
    const rules = rulesReading('/professionalSecrecy', ['fr-law', 'cnil-guidance'], 'confidentiality of operators');
    const data = cityData('nantes-like');
    data.users!.find((u) => u.id === 'OP-07')!.professionalSecrecy = false;
    const report = await evaluateData(data, ['fr-law', 'cnil-guidance']);
    const flagged = report.findings.filter(by(rules)).filter((f) => f.status === 'violation');
    expect(flagged.map((f) => f.targetId)).toContain('OP-07');
  });
});

describe('grenoble-like (several owners, retention per camera)', () => {
  it('passes fr-law + cnil-guidance: no violation and nothing undetermined', async () => {
    packRules('cnil-guidance');
    const report = await cityReport('grenoble-like');
    expect(notPassing(report.findings)).toEqual([]);
  });

  it('is flagged when the social landlord films the public road beyond its buildings (the rule reading /publicRoad)', async () => {
    const rules = rulesReading('/publicRoad', ['fr-law'], 'who may film the public road');
    const data = cityData('grenoble-like');
    const camera = cameras(data).find((c) => c.id === 'BS-02')!;
    camera.publicRoad = true;
    camera.immediateSurroundingsOnly = false;
    const report = await evaluateData(data, ['fr-law']);
    const flagged = report.findings.filter(by(rules)).filter((f) => f.status === 'violation');
    expect(flagged.map((f) => f.targetId)).toContain('BS-02');
  });
});
