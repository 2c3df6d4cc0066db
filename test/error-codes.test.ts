// Every issue code vigie can throw is exercised here: the test finds the codes in src/ itself,
// so a new code without a test fails it. Two other kinds of codes are not thrown and are triggered
// apart: import warnings (IMPORT_WARNING_CODES, the import goes on) and skipped log lines
// (SKIPPED_LINE_CODES, counted and located in the audit report); each has a typed list in src/.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIPPED_LINE_CODES } from '../src/audit/log-lines.js';
import { IMPORT_WARNING_CODES } from '../src/import/types.js';
import { auditLog, builtinFiles, builtinRuleSet, checkWaiverRules, evaluate, importInventory, loadRuleSet, parseConfig, parseSource, parseWaivers, type InputIssue, type PackFile } from '../src/index.js';
import { decodeUtf8, loadConfigFile, readTextFile } from '../src/node/index.js';
import { readLines } from '../src/node/read-log.js';
import { ROOT } from './helpers.js';
import { issuesOf } from './issues.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The thrown codes written in src/: `code: 'x'`, `code: … ? 'x' : 'y'`, and located(p, pointer, 'x', …)
 * in the pack loader; not those of import warnings (`warnings.push({ … code: 'x' })`) nor of
 * unreadable log lines (`error: { code: 'x' }`), whose types only admit the listed codes.
 */
export function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/warnings\.push\(|error: \{ code: /.test(line))
      .join('\n');
    for (const m of text.matchAll(/code: '([a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/code: [^\n]*?\? '([a-z-]+)' : '([a-z-]+)'/g)) codes.add(m[1]!).add(m[2]!);
    for (const m of text.matchAll(/located\(p, [^\n]*?, '([a-z-]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

const RULE = 'rules/fr-law/no-audio-capture/rule.yaml';
const withRule = (edit: (t: string) => string): PackFile[] => builtinFiles().map((f) => (f.path === RULE ? { ...f, text: edit(f.text) } : f));
const bomb = 'a: &a [x, x]\nb: [*a, *a, *a]\n';
const PACK = 'mine/pack.yaml';
const myPack = (extra: string): PackFile => ({ path: PACK, text: `id: mine\ntitle: { fr: À moi, en: Mine }\ndescription: { fr: Essai, en: Test }\ndefault: false\n${extra}` });
const override = (id: string, value: string): PackFile => ({
  path: 'mine/parameters/p.yaml',
  text: `overrides: ${id}\npack: mine\nvalues:\n  - from: "2024-01-01"\n    value: ${value}\n    references:\n      - { source: Arrêté municipal, article: "1", confidence: C }\n`,
});
const WAIVERS = 'waivers:\n  - rule: no-audio-captur\n    target: A\n    justification: Typo in the rule id here\n    approvedBy: DPO\n    expires: "2027-01-01"\n';

/** One input per code that must produce it. */
const TRIGGERS: Record<string, () => unknown> = {
  syntax: () => parseConfig('cameras: [\n', { file: 'f.yaml' }),
  'duplicate-key': () => parseConfig('name: a\nname: b\n', { file: 'f.yaml' }),
  'alias-limit': () => parseSource(bomb, { file: 'f.yaml', limits: { maxAliasCount: 2 } }),
  empty: () => parseConfig('', { file: 'f.yaml' }),
  'nesting-limit': () => parseConfig('name: ' + '['.repeat(200) + ']'.repeat(200), { file: 'f.yaml' }),
  'not-text': () => parseConfig(undefined as never, { file: 'f.yaml' }),
  schema: () => parseConfig('name: 5\n', { file: 'f.yaml' }),
  'duplicate-id': () => parseConfig('cameras:\n  - id: A\n  - id: A\n', { file: 'f.yaml' }),
  'unknown-reference': () => parseConfig('cameras:\n  - id: A\n    authorization: X\n', { file: 'f.yaml' }),
  encoding: () => decodeUtf8(new Uint8Array([0x61, 0xff]), 'f.yaml', 'config'),
  io: () => loadConfigFile(join(ROOT, 'no-such-file.yaml')),
  'too-large': () => readTextFile(join(ROOT, 'package.json'), 'config', 10),
  usage: () => evaluate({}, { asOf: 'inconnue' }),
  'unknown-pack': () => loadRuleSet(withRule((t) => t.replace('pack: fr-law', 'pack: nope'))),
  'unknown-parameter': () => loadRuleSet(withRule((t) => t.replace('value: false', 'value: { fact: param, path: /nope }'))),
  'id-folder-mismatch': () => loadRuleSet(withRule((t) => t.replace('id: no-audio-capture', 'id: other-id'))),
  'unknown-scope': () => loadRuleSet(withRule((t) => t.replace('scope: camera', 'scope: nope'))),
  'unknown-derivation': () => loadRuleSet(withRule((t) => t.replace('conditions:', 'facts:\n  x: { nope: 1 }\nconditions:'))),
  'unknown-operator': () => loadRuleSet(withRule((t) => t.replace('operator: equal', 'operator: matchesRegex'))),
  'unknown-placeholder': () => loadRuleSet(withRule((t) => t.replace('{{targetId}} capte', '{{constructor}} capte'))),
  'unknown-fact': () => loadRuleSet(withRule((t) => t.replace('fact: target', 'fact: nope'))),
  'unknown-rule': () => checkWaiverRules(parseWaivers(WAIVERS, { file: 'w.yaml' }), builtinRuleSet()),
  'binding-rule': () => loadRuleSet([myPack('disable: [no-audio-capture]\n')], builtinRuleSet()),
  'loosens-binding': () => loadRuleSet([myPack(''), override('retention-max', '{ months: 2 }')], builtinRuleSet()),
  'csv-header': () => auditLog({ cameras: [{ id: 'A' }] }, [{ line: 1, text: 'nope,at' }], { file: 'l.csv', format: 'csv' }),
  format: () => importInventory('{ "not": "records" }', { from: 'ods', file: 'i.json' }),
};

/** One inventory per import warning code that must produce it (the import goes on). */
const WARNING_TRIGGERS: Record<string, () => ReturnType<typeof importInventory>> = {
  'unknown-column': () => importInventory('id;adresse\nA;rue\n', { from: 'csv', map: { name: 'nom_absent' } }),
  'ignored-columns': () => importInventory('id;couleur\nA;bleu\n', { from: 'csv' }),
  'no-id-column': () => importInventory('adresse\nrue\n', { from: 'csv' }),
  'missing-id': () => importInventory('id;adresse\n;rue\n', { from: 'csv' }),
  'duplicate-id': () => importInventory('id;adresse\nA;rue\nA;place\n', { from: 'csv' }),
  'empty-row': () => importInventory('id;adresse\nA;rue\n;\nB;place\n', { from: 'csv' }),
  'extra-cells': () => importInventory('id;adresse\nA;rue;en trop\n', { from: 'csv' }),
  'missing-cells': () => importInventory('id;adresse;nom\nA;rue\n', { from: 'csv' }),
  'csv-text-after-quote': () => importInventory('id;adresse\n"A"x;rue\n', { from: 'csv' }),
  'duplicate-column': () => importInventory('id;adresse;adresse\nA;rue;place\n', { from: 'csv' }),
  'bad-properties': () => importInventory(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: 5, geometry: null }] }), { from: 'geojson' }),
  'not-an-object': () => importInventory(JSON.stringify({ type: 'FeatureCollection', features: [5] }), { from: 'geojson' }),
  'not-text': () => importInventory(JSON.stringify([{ id: 'A', adresse: { rue: 'x' } }]), { from: 'ods' }),
  'bad-geometry': () => importInventory(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'A' }, geometry: { type: 'Point', coordinates: [500, 500] } }] }), { from: 'geojson' }),
  'position-mismatch': () =>
    importInventory(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'A', latitude: 43, longitude: 1 }, geometry: { type: 'Point', coordinates: [-1.15, 46.16] } }] }), { from: 'geojson' }),
  'bad-position': () => importInventory('id;latitude;longitude\nA;nord;ouest\n', { from: 'csv' }),
  'bad-commune': () => importInventory('id;code_insee\nA;123\n', { from: 'csv' }),
  'bad-date': () => importInventory('id;date_mise_en_service\nA;31/02/2020\n', { from: 'csv' }),
  'unknown-date': () => importInventory('id;date_mise_en_service\nA;inconnue\n', { from: 'csv' }),
};

/** One log per skipped-line code, as the node reader gives it to auditLog. */
const LOG_DIR = mkdtempSync(join(tmpdir(), 'vigie-codes-'));
function logFile(name: string, content: string | Uint8Array): string {
  const file = join(LOG_DIR, name);
  writeFileSync(file, content);
  return file;
}
const SKIP_TRIGGERS: Record<string, () => { file: string; maxLineBytes?: number }> = {
  syntax: () => ({ file: logFile('syntax.jsonl', '{"not json\n') }),
  schema: () => ({ file: logFile('schema.jsonl', '{"at": 5}\n') }),
  encoding: () => ({ file: logFile('encoding.jsonl', new Uint8Array([0x7b, 0xff, 0x7d, 0x0a])) }),
  'too-long': () => ({ file: logFile('long.jsonl', `{"note": "${'x'.repeat(200)}"}\n`), maxLineBytes: 100 }),
};

describe('every issue code is exercised', () => {
  it('the codes found in src/ are exactly those tested here', () => {
    expect([...codesInSource()].sort()).toEqual(Object.keys(TRIGGERS).sort());
  });

  for (const [code, trigger] of Object.entries(TRIGGERS)) {
    it(`"${code}": thrown as a VigieInputError${code === 'usage' ? '' : ' with a location'}`, async () => {
      const issues: InputIssue[] = await issuesOf(trigger);
      const issue = issues.find((i) => i.code === code);
      expect(issue, JSON.stringify(issues)).toBeDefined();
      expect(issue!.message.length).toBeGreaterThan(0);
      // Usage errors are about arguments, not a file: they have no line to point to. Every other
      // issue names its file, line and column.
      if (code !== 'usage') expect(issue!.location, JSON.stringify(issue)).toBeDefined();
      if (issue!.location) expect(issue!.location.line).toBeGreaterThanOrEqual(1);
    });
  }
});

describe('every import warning code is produced, with the row it is about', () => {
  it('the warning codes are exactly those triggered here', () => {
    expect([...IMPORT_WARNING_CODES].sort()).toEqual(Object.keys(WARNING_TRIGGERS).sort());
  });

  const WHOLE_FILE = new Set(['unknown-column', 'ignored-columns', 'no-id-column', 'duplicate-column']);
  for (const [code, trigger] of Object.entries(WARNING_TRIGGERS)) {
    it(`"${code}": a warning, the import goes on`, () => {
      const { warnings } = trigger();
      const warning = warnings.find((w) => w.code === code);
      expect(warning, JSON.stringify(warnings)).toBeDefined();
      expect(warning!.message.length).toBeGreaterThan(0);
      if (!WHOLE_FILE.has(code)) expect(warning!.row ?? warning!.line, JSON.stringify(warning)).toBeGreaterThanOrEqual(1);
    });
  }
});

describe('every skipped-line code is counted and located in the audit report', () => {
  it('the skipped-line codes are exactly those triggered here', () => {
    expect([...SKIPPED_LINE_CODES].sort()).toEqual(Object.keys(SKIP_TRIGGERS).sort());
  });

  for (const [code, trigger] of Object.entries(SKIP_TRIGGERS)) {
    it(`"${code}": the line is skipped with its number, not thrown`, async () => {
      const { file, maxLineBytes } = trigger();
      const report = await auditLog({ cameras: [{ id: 'A' }] }, readLines(file, maxLineBytes), { file, asOf: '2026-01-15' });
      const log = report.logs![0]!;
      expect(log.skippedCount).toBe(1);
      expect(log.skipped[0]).toMatchObject({ line: 1, code });
    });
  }
});
