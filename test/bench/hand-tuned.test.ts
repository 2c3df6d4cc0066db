import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRuleSet } from '../../src/packs/builtin.js';
import { resolveParameters } from '../../src/packs/parameters.js';
import { syntheticDeployment } from '../../scripts/bench/deployment.mjs';
import { handWrittenFindings, handWrittenOutcomes } from '../../scripts/bench/hand-written.mjs';
import { tunedFindings, tunedOutcomes } from '../../scripts/bench/hand-tuned.mjs';

// The bench's tuned loop must decide every (rule, target) as the hand-written loop, the bench's
// reading of the rule files, does; the bench then checks both against vigie on its deployments.
const AS_OF = '2026-01-15';
const ruleSet = builtinRuleSet();
const SCOPES = ['camera', 'authorization', 'user', 'deployment'];
const rules = ruleSet.rules
  .filter((r) => r.definition.pack === 'fr-law' && SCOPES.includes(r.definition.scope))
  .filter((r) => r.definition.effective.from <= AS_OF && (r.definition.effective.until === undefined || AS_OF <= r.definition.effective.until))
  .map((r) => ({ id: r.definition.id, scope: r.definition.scope }));
const params = resolveParameters(ruleSet.parameters, AS_OF).values;

const both = (deployment: Record<string, unknown>) => {
  const hand = handWrittenFindings(deployment, rules, params, AS_OF);
  const tuned = tunedFindings(deployment, rules, params, AS_OF);
  return { hand, tuned };
};

// Values of each field, unstated included: the corners the seeded generator does not reach.
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const bool = maybe(fc.boolean());
const date = maybe(fc.constantFrom('2015-04-01', '2019-05-10', '2024-07-01', '2026-01-15', '2026-02-01', '2027-12-31'));
const list = <T>(...values: T[]) => maybe(fc.subarray(values));
const duration = maybe(fc.constantFrom({ days: 7 }, { days: 30 }, { days: 45 }, { months: 1 }, { hours: 96 }, {}));
const authorizations = syntheticDeployment(40, 1).authorizations;
const references = ['AP-2024-001', 'AP-2019-001', 'AP-2024-017', 'AP-2024-ALG', 'AP-2025-PRV', 'NONE'];
const record = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) => maybe(fc.record(fields, { requiredKeys: [] }));
const cameraFields = {
  kind: maybe(fc.constantFrom('fixed', 'ptz', 'dome', 'other')),
  commissioned: date,
  retention: duration,
  publicRoad: bool,
  immediateSurroundingsOnly: bool,
  purposes: list('crime-prevention', 'transport-flows', 'commercial-statistics'),
  audio: record({ capture: bool }),
  analytics: record({
    facialRecognition: bool,
    biometricIdentification: bool,
    appearanceSearch: record({ enabled: bool, framework: maybe(fc.constantFrom('judicial', 'none')) }),
    eventDetection: record({
      enabled: bool,
      mode: maybe(fc.constantFrom('real-time', 'statistical', 'recorded-footage')),
      events: list('abandoned-object', 'wrong-way', 'loitering'),
      authorization: maybe(fc.constantFrom(...references)),
    }),
  }),
  owner: record({ publicAuthority: bool, kind: maybe(fc.constantFrom('commune', 'private', 'epci', 'transport-operator')) }),
  inView: record({ residentialBuildings: bool, dwellingEntrances: bool }),
  masks: maybe(fc.array(fc.record({ covers: list('dwelling-interiors', 'dwelling-entrances', 'other'), irreversible: bool, kind: maybe(fc.constantFrom('dynamic', 'static')) }, { requiredKeys: [] }), { maxLength: 3 })),
};
const camera = fc.record(
  { ...cameraFields, id: fc.constantFrom('CAM-000001', 'CAM-000002', 'CAM-000004', 'CAM-000006', 'CAM-999999'), authorization: maybe(fc.constantFrom(...references)) },
  { requiredKeys: ['id'] },
);
const communes = list('17300', '17274', '17000');
const role = fc.record(
  { id: fc.constantFrom('a', 'b', 'c'), kind: maybe(fc.constantFrom('csu-operator', 'municipal-police', 'mayor', 'other')), permissions: list('live-view', 'replay', 'export', 'administration'), communes, competentCommunes: communes },
  { requiredKeys: ['id'] },
);
const user = fc.record(
  {
    id: fc.constantFrom('U-1', 'U-2'),
    role: maybe(fc.constantFrom('a', 'b', 'c', 'none')),
    permissions: list('live-view', 'replay', 'export'),
    communes,
    competentCommunes: communes,
    individuallyDesignated: bool,
    habilitation: record({ reference: maybe(fc.constantFrom('', 'ARR-1')), from: date, until: date }),
  },
  { requiredKeys: ['id'] },
);
const deployment = fc.record(
  {
    cameraDefaults: fc.record(cameraFields, { requiredKeys: [] }),
    cameras: fc.array(camera, { maxLength: 6 }),
    roles: fc.array(role, { maxLength: 3 }),
    users: fc.array(user, { maxLength: 4 }),
    recording: record({ retention: duration }),
    purposes: list('crime-prevention', 'transport-flows'),
    communes: maybe(fc.subarray([{ insee: '17300' }, { insee: '17274' }])),
  },
  { requiredKeys: ['cameraDefaults', 'cameras', 'roles', 'users'] },
);

describe('the bench\'s tuned loop', () => {
  it('decides every rule on every target as the hand-written loop, on random deployments', () => {
    fc.assert(
      fc.property(deployment, (d) => {
        // fast-check's records have no prototype; deployments read from files are plain objects.
        const plain = JSON.parse(JSON.stringify({ ...d, authorizations })) as Record<string, unknown>;
        const { hand, tuned } = both(plain);
        expect(tunedOutcomes(tuned)).toEqual(handWrittenOutcomes(hand));
        expect(tuned.findings).toEqual(hand.findings);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the hand-written loop\'s findings on the bench deployment', () => {
    const { hand, tuned } = both(syntheticDeployment(2000, 7));
    expect(tuned.findings.length).toBeGreaterThan(100);
    expect(tuned.findings).toEqual(hand.findings);
    expect(tuned.pass).toBe(hand.pass);
    expect(tunedOutcomes(tuned)).toEqual(handWrittenOutcomes(hand));
  });
});
