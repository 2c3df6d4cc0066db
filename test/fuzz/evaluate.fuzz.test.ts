// Fuzzing evaluate() and its waivers: a report or located issues, frozen inputs unchanged.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { evaluate, getAtPointer, type Report, type Waiver } from '../../src/index.js';
import { waiverListSchema } from '../../src/schema/waivers-schema.js';
import { deepFreeze } from '../issues.js';
import { applyMutations, dateArb, fromSchema, mutationArb, weirdString } from './arbitraries.js';
import { anyDeployment, validDeployment } from './deployments.js';
import { assertLocated, fuzz, outcome } from './fuzz.js';

const STATUSES = new Set(['violation', 'pass', 'undetermined', 'not-applicable', 'waived']);
const PACKS = [undefined, ['fr-law'], ['fr-law', 'cnil-guidance', 'strict']];

/** What every report must satisfy, whatever the input. */
function assertReport(report: Report, input: unknown): void {
  const parsed = JSON.parse(JSON.stringify(report));
  if (parsed.findings.length !== report.findings.length) throw new Error('report not JSON-serializable');
  if (report.summary.total !== report.findings.length) throw new Error('summary does not count the findings');
  for (const f of report.findings) {
    if (!STATUSES.has(f.status)) throw new Error(`unknown status ${f.status}`);
    if (f.pointer !== '' && getAtPointer(input, f.pointer) === undefined) throw new Error(`finding points to nothing: ${f.pointer}`);
    if (!f.message.fr || !f.message.en) throw new Error('finding without message');
    if (f.status === 'undetermined' && !(f.missing && f.missing.length > 0)) throw new Error('undetermined without what is missing');
  }
}

describe('fuzz: evaluation', () => {
  it('evaluate: a report for a valid deployment, located issues otherwise; the frozen input unchanged', async () => {
    const arb = fc.record({ input: anyDeployment, asOf: fc.oneof({ weight: 9, arbitrary: dateArb }, { weight: 1, arbitrary: fc.constantFrom('2024-02-30', 'inconnue', '') }), packs: fc.constantFrom(...PACKS) });
    await fuzz('evaluate', arb, async ({ input, asOf, packs }) => {
      const before = JSON.stringify(input);
      const r = await outcome(() => evaluate(deepFreeze(input) as never, { asOf, packs }), ['config', 'usage']);
      if (JSON.stringify(input) !== before) throw new Error('evaluate changed its input');
      if ('error' in r) {
        assertLocated(r.error, { pointer: r.error.kind === 'config' });
        return 'rejected';
      }
      assertReport(r.value, input);
      return 'accepted';
    });
  });

  it('waivers: applied, expired or unused, or refused with a pointer; never a crash', async () => {
    const deployment = deepFreeze(fc.sample(validDeployment.filter((d) => Array.isArray(d.cameras) && d.cameras.length > 0), { seed: 7, numRuns: 1 })[0]!);
    const cameras = (deployment.cameras as Array<{ id: string }>).map((c, i) => [c.id, `/cameras/${i}`]).flat();
    const waiver = fromSchema(waiverListSchema.items as never).chain((w) =>
      fc.record({
        rule: fc.constantFrom('no-audio-capture', 'retention-max-one-month', 'no-facial-recognition', (w as Waiver).rule),
        target: fc.constantFrom(...cameras, (w as Waiver).target),
        justification: fc.constant((w as Waiver).justification),
        approvedBy: fc.constant((w as Waiver).approvedBy),
        expires: fc.oneof({ weight: 9, arbitrary: dateArb }, { weight: 1, arbitrary: fc.constantFrom('2024-02-30', 'never') }),
      }),
    );
    const waivers = fc.oneof(
      { weight: 4, arbitrary: fc.array(waiver, { maxLength: 4 }) },
      { weight: 4, arbitrary: fc.tuple(fc.array(waiver, { minLength: 1, maxLength: 3 }), fc.array(mutationArb, { minLength: 1, maxLength: 2 })).map(([w, m]) => applyMutations(w, m)) },
      { weight: 1, arbitrary: fc.oneof(weirdString, fc.constantFrom(null, {}, [null], [[]], 'all')) },
    );
    await fuzz('waivers', waivers, async (w) => {
      const before = JSON.stringify(w);
      const r = await outcome(() => evaluate(deployment, { asOf: '2026-01-15', waivers: deepFreeze(w) as Waiver[] }), ['waivers', 'usage']);
      if (JSON.stringify(w) !== before) throw new Error('evaluate changed the waivers');
      if ('error' in r) {
        assertLocated(r.error, { pointer: true });
        return 'rejected';
      }
      assertReport(r.value, deployment);
      const list = (w ?? []) as Waiver[];
      if (r.value.waivers.length !== list.length) throw new Error('a waiver is missing from the report');
      for (const f of r.value.findings.filter((x) => x.status === 'waived')) {
        const by = list.find((x) => x.rule === f.ruleId && (x.target === f.pointer || x.target === f.targetId) && x.expires >= '2026-01-15');
        if (!by) throw new Error(`finding waived by no waiver in force: ${f.ruleId} ${f.pointer}`);
      }
      return 'accepted';
    });
  });
});
