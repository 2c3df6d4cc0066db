import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinFiles, builtinRuleSet, judgeExample, loadRuleSet, parseConfig, runRuleExamples, type PackFile } from '../src/index.js';
import { readPackDir } from '../src/node/index.js';
import { RULES_DIR, ruleFolders } from './helpers.js';
import { syncIssuesOf } from './issues.js';

const files = (): PackFile[] => builtinFiles().map((f) => ({ ...f }));

const loadIssues = (changed: PackFile[]) => syncIssuesOf(() => loadRuleSet(changed));

function withRule(id: string, edit: (text: string) => string): PackFile[] {
  return files().map((f) => (f.path.endsWith(`/${id}/rule.yaml`) ? { ...f, text: edit(f.text) } : f));
}

describe('built-in rule packs', () => {
  const set = builtinRuleSet();
  it('load, with every rule citing at least one legal reference', () => {
    expect(set.rules.length).toBeGreaterThanOrEqual(3);
    for (const r of set.rules) expect(r.definition.legal.length).toBeGreaterThan(0);
  });

  it('every rule folder is a loaded rule', () => {
    expect(ruleFolders().map((f) => f.id).sort()).toEqual(set.rules.map((r) => r.definition.id).sort());
  });
});

// The same runner as `vigie test rules`: each compliant*/violating* file and each declared example.
const packFiles = readPackDir(RULES_DIR, 'rules/');
const cases = await runRuleExamples(loadRuleSet(packFiles), packFiles, { asOf: '2026-06-01' });

describe('rule examples', () => {
  it('every rule has examples, and each gives its expected outcome', () => {
    expect(new Set(cases.map((c) => c.ruleId)).size).toBe(builtinRuleSet().rules.length);
  });

  it.each(cases.map((c) => [`${c.ruleId}: ${c.file.split('/').pop()} gives ${c.expect ?? '?'}`, c] as const))('%s', (_, c) => {
    expect(c.reason).toBeUndefined();
    expect(c.passed).toBe(true);
  });
});

describe('the example runner', () => {
  it('judges outcomes: a missing or an unexpected finding fails', () => {
    expect(judgeExample('violation', ['pass', 'violation'])).toBeUndefined();
    expect(judgeExample('violation', ['pass'])).toMatch(/expected a violation/);
    expect(judgeExample('pass', ['pass', 'not-applicable'])).toBeUndefined();
    expect(judgeExample('pass', ['pass', 'undetermined'])).toMatch(/got undetermined/);
    expect(judgeExample('undetermined', ['undetermined', 'violation'])).toMatch(/got a violation/);
    expect(judgeExample('not-applicable', [])).toMatch(/no finding/);
  });

  it('reports a rule with no violating example and an example with no expected outcome', async () => {
    const files = packFiles
      .filter((f) => !f.path.endsWith('no-audio-capture/violating.yaml'))
      .concat({ path: 'rules/fr-law/no-audio-capture/other.yaml', text: 'cameras:\n  - id: X\n' });
    const text = files.find((f) => f.path.endsWith('no-audio-capture/rule.yaml'))!.text.replace('  - { file: violating.yaml, expect: violation }\n', '');
    const edited = files.map((f) => (f.path.endsWith('no-audio-capture/rule.yaml') ? { ...f, text } : f));
    const mine = (await runRuleExamples(loadRuleSet(edited), edited, { asOf: '2026-06-01' })).filter((c) => c.ruleId === 'no-audio-capture' && !c.passed);
    expect(mine.map((c) => c.reason)).toEqual(['the rule has no violating* example', expect.stringContaining('no expected outcome')]);
  });
});

describe('rule loading', () => {
  it('refuses an unknown key with its file, line and column', () => {
    const issues = loadIssues(withRule('no-audio-capture', (t) => t.replace('severity: error', 'severity: error\nseverty: error')));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema', pointer: '/severty', location: { file: 'rules/fr-law/no-audio-capture/rule.yaml', column: 1 } });
    expect(issues[0]!.location!.line).toBeGreaterThan(1);
    expect(issues[0]!.expected).toContain('severity');
  });

  it('refuses an unknown operator, fact and parameter, each located', () => {
    const issues = loadIssues(
      withRule('retention-max-one-month', (t) =>
        t.replace('operator: lessThanInclusive', 'operator: atMost').replace('fact: retentionDays', 'fact: retentionDayz').replace('path: /retention-max }', 'path: /retention-maximum }'),
      ),
    );
    expect(issues.map((i) => i.code).sort()).toEqual(['unknown-fact', 'unknown-operator', 'unknown-parameter']);
    for (const i of issues) expect(i.location).toMatchObject({ file: 'rules/fr-law/retention-max-one-month/rule.yaml', line: expect.any(Number) });
  });

  it('refuses a duplicate id across files', () => {
    const dup = files().find((f) => f.path.endsWith('no-audio-capture/rule.yaml'))!;
    const issues = loadIssues([...files(), { path: 'rules/strict/no-audio-capture/rule.yaml', text: dup.text.replace('pack: fr-law', 'pack: strict') }]);
    expect(issues.some((i) => i.code === 'duplicate-id' && i.location?.file === 'rules/strict/no-audio-capture/rule.yaml')).toBe(true);
  });

  it('refuses a rule whose folder is not its id', () => {
    const f = files().find((x) => x.path.endsWith('no-audio-capture/rule.yaml'))!;
    const issues = loadIssues([...files().filter((x) => x !== f && x.path !== f.path), { path: 'rules/fr-law/other-name/rule.yaml', text: f.text }]);
    expect(issues[0]).toMatchObject({ code: 'id-folder-mismatch', location: { line: 1 } });
  });

  it('refuses an unknown message placeholder', () => {
    const issues = loadIssues(withRule('no-audio-capture', (t) => t.replace('La caméra {{targetId}} capte', 'La caméra {{cameraId}} capte')));
    expect(issues[0]).toMatchObject({ code: 'unknown-placeholder', pointer: '/messages/violation/fr' });
  });

  it('every example file of a rule folder is a valid deployment', () => {
    for (const { dir } of ruleFolders()) {
      for (const n of readdirSync(dir).filter((x) => x !== 'rule.yaml' && !/\.log\.(jsonl|ndjson|csv)$/.test(x))) {
        expect(() => parseConfig(readFileSync(join(dir, n), 'utf8'), { file: n })).not.toThrow();
      }
      expect(existsSync(join(dir, 'rule.yaml'))).toBe(true);
    }
  });
});
