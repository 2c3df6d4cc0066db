import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { builtinRuleSet } from '../../src/packs/builtin.js';
import { resolveParameters } from '../../src/packs/parameters.js';
import { validateConfig } from '../../src/config.js';
import { syntheticDeployment } from '../../scripts/bench/deployment.mjs';
import { handWrittenFindings } from '../../scripts/bench/hand-written.mjs';
import { tunedFindings } from '../../scripts/bench/hand-tuned.mjs';

// The bench's compliant profile is what `npm run bench -- --profile compliant` measures: a
// deployment on which nothing is listed. If a rule change made it list findings, the bench would
// no longer measure what docs/performance.md says it does.
const AS_OF = '2026-01-15';
const ruleSet = builtinRuleSet();
const SCOPES = ['camera', 'authorization', 'user', 'deployment'];
const rules = ruleSet.rules.filter(
  (r) => r.definition.pack === 'fr-law' && SCOPES.includes(r.definition.scope) && r.definition.effective.from <= AS_OF && (r.definition.effective.until === undefined || AS_OF <= r.definition.effective.until),
);
const handRules = rules.map((r) => ({ id: r.definition.id, scope: r.definition.scope }));
const params = resolveParameters(ruleSet.parameters, AS_OF).values;

describe('the bench deployment\'s compliant profile', () => {
  const data = syntheticDeployment(600, 7, 'compliant');

  it('is a valid deployment on which vigie and both hand-written loops list nothing', async () => {
    expect(validateConfig(data)).toEqual([]);
    const report = await evaluate(data, { asOf: AS_OF, packs: ['fr-law'], ruleSet: { ...ruleSet, rules }, findings: 'problems' });
    expect(report.findings).toEqual([]);
    expect(report.summary.pass).toBeGreaterThan(600 * 5);
    expect(handWrittenFindings(data, handRules, params, AS_OF).findings).toEqual([]);
    expect(tunedFindings(data, handRules, params, AS_OF).findings).toEqual([]);
  });

  it('is the mixed network with its problems fixed: same cameras, users and acts in force', () => {
    const mixed = syntheticDeployment(600, 7) as { cameras: Array<{ id: string }>; users: unknown[]; authorizations: Array<{ reference: string }> };
    const compliant = data as typeof mixed;
    expect(compliant.cameras.map((c) => c.id)).toEqual(mixed.cameras.map((c) => c.id));
    expect(compliant.users.length).toBe(mixed.users.length);
    expect(compliant.authorizations.map((a) => a.reference)).toEqual(['AP-2024-001', 'AP-2019-001']);
  });

  it('refuses a profile it does not know', () => {
    expect(() => syntheticDeployment(10, 1, 'clean' as never)).toThrow(/mixed, compliant/);
  });
});
