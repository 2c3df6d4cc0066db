import { describe, expect, it } from 'vitest';
import { VigieInputError, builtinRuleSet, evaluate, evaluateMany, parseConfig } from '../src/index.js';
import { compareFindings } from '../src/report/order.js';

const AS_OF = '2026-01-15';

describe('evaluate', () => {
  it('gives undetermined, naming the missing fields, when a camera states no retention', async () => {
    const report = await evaluate({ cameras: [{ id: 'A' }] }, { asOf: AS_OF });
    const f = report.findings.find((x) => x.ruleId === 'retention-max-one-month')!;
    expect(f.status).toBe('undetermined');
    expect(f.missing).toEqual(['/cameras/0/retention', '/recording/retention']);
    expect(f.message.en).toContain('/cameras/0/retention');
  });

  it('names each missing field once, in the order the deciding conditions name them', async () => {
    // Two conditions of retention-within-authorization compare the same unknown retention.
    const config = { authorizations: [{ reference: 'AP-1', issued: '2024-01-01', cameras: 'all', retention: { days: 15 }, minimumRetention: { days: 7 } }], cameras: [{ id: 'A' }] };
    const report = await evaluate(config, { asOf: AS_OF });
    const missing = (id: string) => report.findings.find((x) => x.ruleId === id)!.missing;
    expect(missing('retention-within-authorization')).toEqual(['/cameras/0/retention', '/recording/retention']);
    expect(missing('purposes-allowed')).toEqual(['/cameras/0/purposes', '/purposes', '/authorizations/0/purposes']);
  });

  it('falls back to the recording system retention and reports the parameter behind the limit', async () => {
    const config = parseConfig('recording:\n  retention: { days: 31 }\ncameras:\n  - id: A\n', { file: 'x.yaml' });
    const report = await evaluate(config, { asOf: AS_OF });
    const f = report.findings.find((x) => x.ruleId === 'retention-max-one-month')!;
    expect(f.status).toBe('violation');
    expect(f.location).toEqual({ file: 'x.yaml', line: 4, column: 5 });
    expect(f.evidence[0]).toMatchObject({
      pointer: '/recording/retention',
      location: { file: 'x.yaml', line: 2 },
      actual: 31,
      expected: 30,
      operator: 'lessThanInclusive',
      parameter: { id: 'retention-max', value: { months: 1 }, since: '2012-05-01' },
    });
    expect(f.evidence[0]!.parameter!.references[0]!.article).toBe('L252-5');
    expect(f.legal[0]!.quote).toContain('ne peut excéder un mois');
  });

  it('counts a calendar month when the parameter alternative is chosen', async () => {
    const config = { recording: { retention: { days: 31 } }, cameras: [{ id: 'A' }] };
    const choices = { 'month-counting': 'calendar' };
    const jan = await evaluate(config, { asOf: '2026-01-15', parameterChoices: choices });
    const feb = await evaluate(config, { asOf: '2026-02-15', parameterChoices: choices });
    const status = (r: typeof jan) => r.findings.find((x) => x.ruleId === 'retention-max-one-month')!.status;
    expect(status(jan)).toBe('pass'); // 15 Jan → 15 Feb is 31 days
    expect(status(feb)).toBe('violation'); // 15 Feb → 15 Mar is 28 days
  });

  it('returns a JSON-serializable report with the documented fields, in a stable order', async () => {
    const config = { cameras: [{ id: 'B', audio: { capture: true } }, { id: 'A', audio: { capture: false } }] };
    const a = await evaluate(config, { asOf: AS_OF });
    const b = await evaluate(config, { asOf: AS_OF });
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a).toEqual(b);
    expect(Object.keys(a)).toEqual(['vigieVersion', 'asOf', 'packs', 'inputs', 'findings', 'summary', 'waivers']);
    const f = a.findings.find((x) => x.ruleId === 'no-audio-capture' && x.status === 'violation')!;
    expect(f).toMatchObject({ pointer: '/cameras/0', targetId: 'B', severity: 'error', pack: 'fr-law', scope: 'camera' });
    expect(f.message.fr).toContain('B');
    expect(f.remediation.en).toBeTruthy();
    expect(a.summary.total).toBe(a.findings.length);
  });

  it('lists findings by file, then rule id, then target in document order', async () => {
    // Twelve cameras, so that /cameras/10 sorts after /cameras/2; two files given out of order.
    const cameras = Array.from({ length: 12 }, (_, i) => ({ id: `C${i}`, audio: { capture: i % 3 === 0 } }));
    const one = await evaluate({ cameras }, { asOf: AS_OF });
    const inOrder = (r: typeof one) => [...r.findings].sort(compareFindings);
    expect(one.findings.filter((f) => f.ruleId === 'no-audio-capture').map((f) => f.pointer)).toEqual(cameras.map((_, i) => `/cameras/${i}`));
    expect(one.findings).toEqual(inOrder(one));
    const files = [parseConfig(JSON.stringify({ cameras }), { file: 'z.json' }), parseConfig(JSON.stringify({ cameras: cameras.slice(0, 3) }), { file: 'a.json' })];
    const many = await evaluateMany(files, { asOf: AS_OF, findings: 'problems' });
    expect(many.findings[0]!.location!.file).toBe('a.json');
    expect(many.findings).toEqual(inOrder(many));
  });

  it('keeps that order when a rule set made by hand names two rules alike', async () => {
    // Each rule's findings are made in document order and joined rule after rule: two rules with one id
    // give /cameras/0, /cameras/1, /cameras/0, /cameras/1, which the report must still sort.
    const ruleSet = builtinRuleSet();
    const audio = ruleSet.rules.find((r) => r.definition.id === 'no-audio-capture')!;
    const twice = { ...ruleSet, rules: [audio, { ...audio, definition: { ...audio.definition } }] };
    const cameras = [{ id: 'A', audio: { capture: true } }, { id: 'B', audio: { capture: true } }];
    const report = await evaluate({ cameras }, { asOf: AS_OF, ruleSet: twice });
    expect(report.findings.map((f) => f.pointer)).toEqual(['/cameras/0', '/cameras/0', '/cameras/1', '/cameras/1']);
  });

  it('keeps that order when a source locates some targets of one deployment in another file', async () => {
    const cameras = [{ id: 'A', audio: { capture: true } }, { id: 'B', audio: { capture: true } }];
    // A source made by hand that knows only the first camera, in z.yaml; the second falls back to the input's file.
    const source = { file: 'z.yaml', locate: (p: string) => (p === '/cameras/0' ? { file: 'z.yaml', line: 3, column: 5 } : undefined) };
    const report = await evaluate({ data: { cameras }, file: 'a.yaml', source } as never, { asOf: AS_OF, packs: ['fr-law'] });
    const audio = report.findings.filter((f) => f.ruleId === 'no-audio-capture');
    expect(audio.map((f) => [f.location!.file, f.pointer])).toEqual([['a.yaml', '/cameras/1'], ['z.yaml', '/cameras/0']]);
    expect(report.findings).toEqual([...report.findings].sort(compareFindings));
  });

  it('does not start on an invalid config', async () => {
    await expect(evaluate({ cameras: [{ id: 'A', audio: { capture: 'no' } }] } as never, { asOf: AS_OF })).rejects.toBeInstanceOf(VigieInputError);
  });

  it('does not modify its input', async () => {
    const config = { cameraDefaults: { audio: { capture: false } }, cameras: [{ id: 'A' }] };
    const copy = structuredClone(config);
    await evaluate(config, { asOf: AS_OF });
    expect(config).toEqual(copy);
  });

  it('applies camera defaults, the camera\'s own values winning', async () => {
    const report = await evaluate({ cameraDefaults: { audio: { capture: false } }, cameras: [{ id: 'A' }, { id: 'B', audio: { capture: true } }] }, { asOf: AS_OF });
    const audio = report.findings.filter((f) => f.ruleId === 'no-audio-capture').map((f) => f.status);
    expect(audio).toEqual(['pass', 'violation']);
  });

  it('refuses an unknown pack and an invalid asOf', async () => {
    await expect(evaluate({}, { packs: ['nope'] })).rejects.toThrow(/unknown rule pack/);
    await expect(evaluate({}, { asOf: '2024-02-30' })).rejects.toThrow(/not a date/);
  });

  it('refuses a waiver naming an unknown rule', async () => {
    const waivers = [{ rule: 'no-audio-captur', target: 'A', justification: 'typo in the rule id', approvedBy: 'DPO', expires: '2027-01-01' }];
    await expect(evaluate({ cameras: [{ id: 'A' }] }, { asOf: AS_OF, waivers })).rejects.toThrow(/unknown rule "no-audio-captur"/);
  });

  it('applies, expires and reports unused waivers', async () => {
    const config = { cameras: [{ id: 'A', audio: { capture: true } }, { id: 'B', audio: { capture: true } }] };
    const report = await evaluate(config, {
      asOf: AS_OF,
      waivers: [
        { rule: 'no-audio-capture', target: 'A', justification: 'Microphone removed on 2026-02-01', approvedBy: 'DPO', expires: '2026-03-01' },
        { rule: 'no-audio-capture', target: '/cameras/1', justification: 'Works planned for December', approvedBy: 'DPO', expires: '2025-12-31' },
        { rule: 'no-audio-capture', target: 'Z', justification: 'Camera Z was dismantled', approvedBy: 'DPO', expires: '2027-01-01' },
      ],
    });
    const audio = report.findings.filter((f) => f.ruleId === 'no-audio-capture');
    expect(audio.map((f) => f.status)).toEqual(['waived', 'violation']);
    expect(audio[0]!.waiver).toMatchObject({ justification: 'Microphone removed on 2026-02-01' });
    expect(report.waivers.map((w) => w.status)).toEqual(['applied', 'expired', 'unused']);
  });
});
