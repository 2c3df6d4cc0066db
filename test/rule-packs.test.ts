import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VigieInputError, auditLog, builtinFiles, builtinRuleSet, evaluate, loadRuleSet, logFormatFromName, parseConfig, type PackFile, type Report } from '../src/index.js';
import { ruleFolders } from './helpers.js';

const files = (): PackFile[] => builtinFiles().map((f) => ({ ...f }));

function loadIssues(changed: PackFile[]) {
  try {
    loadRuleSet(changed);
  } catch (e) {
    if (e instanceof VigieInputError) return e.issues;
    throw e;
  }
  throw new Error('expected the rule set to be refused');
}

function withRule(id: string, edit: (text: string) => string): PackFile[] {
  return files().map((f) => (f.path.endsWith(`/${id}/rule.yaml`) ? { ...f, text: edit(f.text) } : f));
}

/** The log of a deployment example: `compliant.yaml` → `compliant.log.jsonl` or `compliant.log.csv`. */
function exampleLog(dir: string, name: string): string | undefined {
  const base = name.replace(/\.(ya?ml|json)$/, '');
  return ['.log.jsonl', '.log.ndjson', '.log.csv'].map((ext) => base + ext).find((n) => existsSync(join(dir, n)));
}

const linesOf = (text: string) => text.split('\n').map((t, i) => ({ line: i + 1, text: t.replace(/\r$/, '') }));

describe('built-in rule packs', () => {
  it('load, with every rule citing at least one legal reference', () => {
    const set = builtinRuleSet();
    expect(set.rules.length).toBeGreaterThanOrEqual(3);
    for (const r of set.rules) expect(r.definition.legal.length).toBeGreaterThan(0);
  });

  for (const { id, dir } of ruleFolders()) {
    describe(id, () => {
      const rule = builtinRuleSet().rules.find((r) => r.definition.id === id)!;
      const names = readdirSync(dir).filter((n) => n !== 'rule.yaml' && /\.(ya?ml|json)$/.test(n));
      const streamed = builtinRuleSet().scopes[rule?.definition.scope ?? '']?.source !== undefined;

      it('has a compliant and a violating example', () => {
        expect(rule).toBeDefined();
        expect(names.some((n) => n.startsWith('compliant'))).toBe(true);
        expect(names.some((n) => n.startsWith('violating'))).toBe(true);
      });

      for (const name of names) {
        const declared = rule?.definition.examples?.find((e) => e.file === name);
        const expected = declared?.expect ?? (name.startsWith('violating') ? 'violation' : name.startsWith('compliant') ? 'pass' : undefined);
        it(`${name} gives ${expected}`, async () => {
          expect(expected, `declare the expected outcome of ${name} in the rule's examples`).toBeDefined();
          const config = parseConfig(readFileSync(join(dir, name), 'utf8'), { file: name });
          const asOf = declared?.asOf ?? '2026-06-01';
          let report: Report;
          if (streamed) {
            // A rule on a log: the example is a deployment plus the log beside it.
            const log = declared?.log ?? exampleLog(dir, name);
            expect(log, `${name} needs a log beside it (${name.replace(/\.(ya?ml|json)$/, '.log.jsonl')}) or a \`log\` in the rule's examples`).toBeDefined();
            report = await auditLog(config, linesOf(readFileSync(join(dir, log!), 'utf8')), { file: log!, format: logFormatFromName(log!), asOf, packs: [rule.definition.pack], keepPasses: true });
            expect(report.logs![0]!.skippedCount, `${log} has lines that are not valid events`).toBe(0);
          } else {
            report = await evaluate(config, { asOf, packs: [rule.definition.pack] });
          }
          const mine = report.findings.filter((f) => f.ruleId === id);
          expect(mine.length).toBeGreaterThan(0);
          if (expected === 'violation') {
            expect(mine.some((f) => f.status === 'violation')).toBe(true);
          } else if (expected === 'pass') {
            expect(mine.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable')).toEqual([]);
            expect(mine.some((f) => f.status === 'pass')).toBe(true);
          } else {
            expect(mine.some((f) => f.status === expected)).toBe(true);
            expect(mine.some((f) => f.status === 'violation')).toBe(false);
          }
        });
      }
    });
  }
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
