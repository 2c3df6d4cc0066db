import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinFiles, builtinRuleSet, evaluate, loadRuleSet, parseConfig, type Deployment } from '../src/index.js';
import { read, ruleFolders } from './helpers.js';
import { readdirSync } from 'node:fs';

/**
 * The whole report (findings, messages, evidence, summary) is the same whichever engine decides
 * the conditions: the compiled default or json-rules-engine (`engine: 'reference'`).
 */

const RUNS = Number(process.env.VIGIE_DIFF_REPORT_RUNS ?? 150);

const duration = fc.oneof(
  fc.record({ days: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ months: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ hours: fc.integer({ min: 0, max: 2000 }) }),
);
const optionalBool = fc.option(fc.boolean(), { nil: undefined });
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const camera = (i: number) =>
  fc
    .record({
      retention: fc.option(duration, { nil: undefined }),
      audio: fc.option(fc.record({ capture: optionalBool, broadcast: optionalBool }).map(compact), { nil: undefined }),
      analytics: fc.option(fc.record({ facialRecognition: optionalBool, biometricIdentification: optionalBool }).map(compact), { nil: undefined }),
    })
    .map((c) => compact({ id: `C${i}`, ...c }));

const deployment: fc.Arbitrary<Deployment> = fc
  .record({
    recording: fc.option(fc.record({ retention: duration }), { nil: undefined }),
    cameraDefaults: fc.option(
      fc.record({ audio: fc.record({ capture: optionalBool }).map(compact), analytics: fc.record({ facialRecognition: optionalBool }).map(compact) }),
      { nil: undefined },
    ),
    cameras: fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => camera(i)))),
  })
  .map((d) => compact(d) as Deployment);

const asOf = fc.constantFrom('2026-01-15', '2026-02-15', '2024-12-31');
const choices = fc.constantFrom<Record<string, string>>({}, { 'month-counting': 'calendar' });

describe('the compiled engine gives the same report as json-rules-engine', () => {
  it(`on random deployments (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(deployment, asOf, choices, async (config, date, parameterChoices) => {
        const fast = await evaluate(config, { asOf: date, parameterChoices });
        const reference = await evaluate(config, { asOf: date, parameterChoices, engine: 'reference' });
        expect(fast).toStrictEqual(reference);
      }),
      { numRuns: RUNS },
    );
  });

  it('on every example of every built-in rule, with file locations', async () => {
    const ruleSet = builtinRuleSet();
    let compared = 0;
    for (const { id, dir } of ruleFolders()) {
      const rule = ruleSet.rules.find((r) => r.definition.id === id)!;
      for (const name of readdirSync(dir).filter((n) => n !== 'rule.yaml' && /\.(ya?ml|json)$/.test(n))) {
        const rel = `rules/${rule.definition.pack}/${id}/${name}`;
        const config = parseConfig(read(rel), { file: rel });
        const example = rule.definition.examples?.find((e) => e.file === name);
        const options = { asOf: example?.asOf ?? '2026-01-15', packs: [rule.definition.pack] };
        expect(await evaluate(config, options)).toStrictEqual(await evaluate(config, { ...options, engine: 'reference' }));
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(ruleFolders().length * 2);
  });

  it('on the benchmark deployment, every fr-law rule on cameras, authorizations, users and the deployment', async () => {
    // The bench's seeded generator exercises each rule's outcomes (derived facts read only by
    // conditions, rules that do not apply, unknowns); the report must be the same, whole.
    const { syntheticDeployment } = await import('../scripts/bench/deployment.mjs');
    const config = parseConfig(JSON.stringify(syntheticDeployment(400, 3)), { file: 'bench.json' });
    for (const packs of [['fr-law'], ['fr-law', 'cnil-guidance', 'strict']]) {
      const options = { asOf: '2026-01-15', packs };
      const fast = await evaluate(config, options);
      expect(new Set(fast.findings.map((f) => f.status))).toEqual(new Set(['pass', 'violation', 'undetermined', 'not-applicable']));
      expect(fast).toStrictEqual(await evaluate(config, { ...options, engine: 'reference' }));
      // Listing problems only: the targets are judged at once and only the outcomes to list are decided again.
      const problems = await evaluate(config, { ...options, findings: 'problems' });
      expect(problems.findings).toStrictEqual(fast.findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable'));
    }
  });
});

describe("findings: 'problems'", () => {
  it('lists exactly the full report\'s violations and undetermined findings, and counts the rest', async () => {
    await fc.assert(
      fc.asyncProperty(deployment, asOf, async (config, date) => {
        const full = await evaluate(config, { asOf: date });
        const problems = await evaluate(config, { asOf: date, findings: 'problems' });
        expect(problems.findings).toStrictEqual(full.findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable'));
        expect(problems.summary).toStrictEqual(full.summary);
        expect(problems.omitted).toStrictEqual({ pass: full.summary.pass, 'not-applicable': full.summary['not-applicable'] });
        expect(full).not.toHaveProperty('omitted');
      }),
      { numRuns: 50 },
    );
  });
});

describe('a rule the compiled engine cannot reproduce', () => {
  it('stops the evaluation with an error naming the rule, instead of deciding differently', async () => {
    // json-rules-engine reads any object with a `fact` key as a fact reference, extra keys included.
    // Rule files cannot say this (the loader refuses it, below); a rule set built in code can.
    const text = builtinFiles().map((f) => (f.path.endsWith('/no-audio-capture/rule.yaml') ? { ...f, text: f.text.replace('value: false', 'value: { fact: target, params: { x: 1 } }') } : f));
    expect(() => loadRuleSet(text)).toThrow(/no-audio-capture\/rule\.yaml:\d+:\d+: a fact reference has only the keys/);
    const builtin = builtinRuleSet();
    const rules = builtin.rules.map((r) => {
      if (r.definition.id !== 'no-audio-capture') return r;
      const [first] = (r.definition.conditions as { all: Array<Record<string, unknown>> }).all;
      return { ...r, definition: { ...r.definition, conditions: { all: [{ ...first, value: { fact: 'target', params: { x: 1 } } }] } } };
    });
    const ruleSet = { ...builtin, rules } as typeof builtin;
    const config = { cameras: [{ id: 'A', audio: { capture: false } }] };
    await expect(evaluate(config, { asOf: '2026-01-15', ruleSet })).rejects.toThrow(/rule no-audio-capture, conditions\/all\/0\/value: unsupported key "params"/);
    await expect(evaluate(config, { asOf: '2026-01-15', ruleSet, engine: 'reference' })).resolves.toBeDefined();
  });
});

describe('mergeUnder (camera defaults)', () => {
  it('merges recursively, keeps a __proto__ key as data and modifies neither input', async () => {
    const { mergeUnder } = await import('../src/evaluate.js');
    const defaults = JSON.parse('{"audio":{"capture":false,"broadcast":true},"kind":"fixed","__proto__":{"polluted":1}}');
    const camera = JSON.parse('{"id":"A","audio":{"capture":true},"kind":"ptz","masks":[1]}');
    const before = JSON.stringify([defaults, camera]);
    const merged = mergeUnder(defaults, camera) as Record<string, unknown>;
    expect(merged).toEqual({ audio: { capture: true, broadcast: true }, kind: 'ptz', id: 'A', masks: [1], ['__proto__']: { polluted: 1 } });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect((merged as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify([defaults, camera])).toBe(before);
  });
});

describe('the facts a message names', () => {
  it('are written alike by both engines, whether the rule declares them, derives them or not', async () => {
    // The compiled engine reads them from the values it judged; json-rules-engine's report from the fact table.
    const builtin = builtinRuleSet();
    const rules = builtin.rules.map((r) => {
      if (r.definition.id !== 'no-audio-capture') return r;
      const template = '{{facts.captured}} / {{facts.nope}} / {{facts.targetId}} / {{facts.asOf}}';
      return {
        ...r,
        definition: {
          ...r.definition,
          facts: { captured: { firstDefined: [{ fact: 'target', path: '/audio/capture' }, { fact: 'asOf' }] } },
          messages: { violation: { fr: `V ${template}`, en: `V ${template}` }, undetermined: { fr: `U ${template}`, en: `U ${template}` } },
        },
      };
    });
    const ruleSet = { ...builtin, rules } as typeof builtin;
    const config = parseConfig(JSON.stringify({ cameras: [{ id: 'A', audio: { capture: true } }, { id: 'B' }, { id: 'C', audio: { capture: false } }] }));
    for (const findings of ['all', 'problems'] as const) {
      const options = { asOf: '2026-01-15', ruleSet, packs: ['fr-law'], findings };
      const fast = await evaluate(config, options);
      const messages = fast.findings.filter((f) => f.ruleId === 'no-audio-capture').map((f) => f.message.en);
      expect(messages).toEqual(expect.arrayContaining(['V yes / not stated / A / 2026-01-15', 'U 2026-01-15 / not stated / B / 2026-01-15']));
      expect(fast).toStrictEqual(await evaluate(config, { ...options, engine: 'reference' }));
    }
  });
});
