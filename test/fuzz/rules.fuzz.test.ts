// Fuzzing loadRuleSet with hostile rule packs: located issues, or rules that evaluate without a crash.
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, it } from 'vitest';
import { allOperatorNames } from '../../src/engine/operators/index.js';
import { builtinFiles, derivations, evaluate, loadRuleSet, type PackFile } from '../../src/index.js';
import { deepFreeze } from '../issues.js';
import { applyMutations, applyTextEdits, mutationArb, textEdit, weirdString, wrongValue, type TextEdit } from './arbitraries.js';
import { assertLocated, fuzz, outcome } from './fuzz.js';

const RULE_FILES = builtinFiles().filter((f) => f.path.endsWith('/rule.yaml'));

/** A rule's text made short (the fuzz is about structure, not prose), so that 10,000 load quickly. */
function compact(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 40 && !value.includes('{{') ? value.slice(0, 12) : value;
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'notes' && k !== 'examples').map(([k, v]) => [k, compact(v)]));
  return value;
}
const rules = RULE_FILES.map((f) => ({ path: f.path, rule: compact(parse(f.text)) as Record<string, unknown> }));
const bases = new Map(rules.map((r) => [r.path, loadRuleSet(builtinFiles().filter((f) => f.path !== r.path) as PackFile[])]));

/** Edits that keep a rule well-formed but make it strange: any operator, value, path or derivation. */
const ruleEdit = fc.oneof(
  fc.record({ operator: fc.oneof(fc.constantFrom(...allOperatorNames()), fc.constantFrom(...allOperatorNames()).map((o) => `everyFact:not:${o}`), weirdString) }),
  fc.record({ value: fc.oneof(wrongValue, fc.record({ fact: fc.constantFrom('target', 'deployment', 'param', 'asOf', 'retention', 'nope'), path: fc.constantFrom('/audio', '/retention', '/x~1y', '', '/retention-max') })) }),
  fc.record({ path: fc.constantFrom('/audio/capture', '/0', '', '/__proto__', '/constructor/name', '/a~0b', '/cameras/-') }),
  fc.record({
    fact: fc.tuple(fc.constantFrom(...derivations.map((d) => d.name), 'eval', 'constructor'), fc.oneof(wrongValue, fc.record({ fact: fc.constantFrom('target', 'deployment', 'asOf'), path: fc.constantFrom('/retention', '/cameras', '') }).map((r) => ({ duration: r, date: r, from: r, in: r, where: [{ path: '/id', equals: 'CAM-0' }], of: r, minus: r, path: '/id' })))),
  }),
);
type RuleEdit = { operator: string } | { value: unknown } | { path: string } | { fact: [string, unknown] };

function applyRuleEdit(rule: Record<string, unknown>, e: RuleEdit): Record<string, unknown> {
  const r = structuredClone(rule);
  const leaf = ((r.conditions as { all?: Array<Record<string, unknown>> }).all ?? [])[0];
  if ('fact' in e) {
    r.facts = { ...(r.facts as object), derived: { [e.fact[0]]: e.fact[1] } };
    if (leaf) leaf.fact = 'derived';
  } else if (leaf) Object.assign(leaf, e);
  return r;
}

const packFile = fc
  .record({
    which: fc.nat(rules.length - 1),
    edits: fc.array(ruleEdit, { maxLength: 2 }),
    mutations: fc.array(mutationArb, { maxLength: 2 }),
    text: fc.array(textEdit, { maxLength: 2 }),
    // Mostly JSON: writing and reading it is several times faster than YAML, and 10,000 must run.
    json: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  })
  .map(({ which, edits, mutations, text, json }) => {
    const { path, rule } = rules[which]!;
    const edited = applyMutations(edits.reduce((r, e) => applyRuleEdit(r, e as RuleEdit), rule), mutations);
    // A rule deleted whole by a mutation gives no text at all: loadRuleSet must say so, too.
    const body: string | undefined = json ? JSON.stringify(edited) : stringify(edited, { aliasDuplicateObjects: false });
    return { path: json ? path.replace(/\.yaml$/, '.json') : path, text: body === undefined ? body : applyTextEdits(body, text as TextEdit[]), base: path };
  });

describe('fuzz: rule packs', () => {
  it('loadRuleSet: located issues, or rules that evaluate without a crash; the files unchanged', async () => {
    const deployment = deepFreeze({
      recording: { retention: { months: 1 } },
      authorizations: [{ reference: 'AP-1', cameras: ['C-1'] }],
      cameras: [{ id: 'C-1', authorization: 'AP-1', audio: { capture: true }, retention: { days: 40 }, analytics: { facialRecognition: false } }],
    });
    await fuzz('loadRuleSet', packFile, async ({ path, text, base }) => {
      const files = deepFreeze([{ path, text: text as string }]);
      const r = await outcome(() => loadRuleSet(files, bases.get(base)), ['rules']);
      if ('error' in r) {
        assertLocated(r.error, { files: [path] });
        return 'rejected';
      }
      // A rule that loads is safe to run: whatever it computes, evaluation gives a report.
      const report = await evaluate(deployment, { asOf: '2026-01-15', ruleSet: r.value, packs: r.value.packs.map((p) => p.id) });
      if (report.summary.total !== report.findings.length) throw new Error('inconsistent report');
      return 'accepted';
    });
  });
});
