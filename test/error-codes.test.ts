// Every issue code vigie can throw is exercised here: the test finds the codes in src/ itself,
// so a new code without a test fails it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinFiles, evaluate, loadRuleSet, parseConfig, parseSource, type InputIssue, type PackFile } from '../src/index.js';
import { decodeUtf8, loadConfigFile, readTextFile } from '../src/node/index.js';
import { ROOT } from './helpers.js';
import { issuesOf } from './issues.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** The codes written in src/: `code: 'x'`, `code: … ? 'x' : 'y'`, and located(p, pointer, 'x', …) in the pack loader. */
export function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/code: '([a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/code: [^\n]*?\? '([a-z-]+)' : '([a-z-]+)'/g)) codes.add(m[1]!).add(m[2]!);
    for (const m of text.matchAll(/located\(p, [^\n]*?, '([a-z-]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

const RULE = 'rules/fr-law/no-audio-capture/rule.yaml';
const withRule = (edit: (t: string) => string): PackFile[] => builtinFiles().map((f) => (f.path === RULE ? { ...f, text: edit(f.text) } : f));
const bomb = 'a: &a [x, x]\nb: [*a, *a, *a]\n';

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
      // Usage errors are about arguments, not a file: they have no line to point to.
      if (code !== 'usage') expect(issue!.location ?? issue!.pointer, JSON.stringify(issue)).toBeDefined();
      if (issue!.location) expect(issue!.location.line).toBeGreaterThanOrEqual(1);
    });
  }
});
