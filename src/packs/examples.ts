import { parseConfig } from '../config.js';
import { VigieInputError, type InputIssue } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { auditLog } from '../audit/audit-log.js';
import { logFormatFromName } from '../audit/log-lines.js';
import type { Report } from '../types.js';
import type { FindingStatus, RuleDefinition } from '../types.js';
import type { PackFile } from './files.js';
import type { LoadedRule, RuleSet } from './rule-set.js';

/**
 * Runs rules against the example deployments in their folders (like `opa test` or `kyverno test`):
 * every `compliant*` file must pass, every `violating*` file must give a violation, and every file
 * the rule's `examples:` lists must give its `expect` (as of its `asOf`). Used by `vigie test`
 * and by the test suite on the built-in packs.
 */
export interface ExampleCase {
  ruleId: string;
  pack: string;
  /** The example file (path as in the pack files), or the rule file for a missing example. */
  file: string;
  expect?: FindingStatus;
  asOf: string;
  /** Statuses the rule gave on the example, one per target. */
  got: FindingStatus[];
  passed: boolean;
  /** Why the case failed. */
  reason?: string;
}

export interface ExampleRunOptions {
  /** The date examples that declare no `asOf` are evaluated on. */
  asOf: string;
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const isExampleName = (name: string) => /\.(ya?ml|json)$/i.test(name) && !/^rule\.(ya?ml|json)$/i.test(name);
const LOG_SUFFIXES = ['.log.jsonl', '.log.ndjson', '.log.csv'];

/** The log paired with an example deployment of a streamed rule: declared, or `<name>.log.jsonl|ndjson|csv`. */
function exampleLog(rule: RuleDefinition, name: string, folderFiles: readonly PackFile[]): PackFile | undefined {
  const declared = rule.examples?.find((e) => e.file === name)?.log;
  const stem = name.replace(/\.(ya?ml|json)$/i, '');
  const wanted = declared ? [declared] : LOG_SUFFIXES.map((s) => stem + s);
  return folderFiles.find((f) => wanted.includes(baseName(f.path)));
}

const linesOf = (text: string) => text.split('\n').map((t, i) => ({ line: i + 1, text: t.replace(/\r$/, '') }));

/** The outcome an example file is expected to give: declared, or told by its name. */
export function expectedOutcome(rule: RuleDefinition, name: string): FindingStatus | undefined {
  const declared = rule.examples?.find((e) => e.file === name)?.expect;
  if (declared) return declared;
  if (name.startsWith('violating')) return 'violation';
  if (name.startsWith('compliant')) return 'pass';
  return undefined;
}

/** Whether a rule's statuses on an example meet what it expects; the reason when they do not. */
export function judgeExample(expect: FindingStatus, got: FindingStatus[]): string | undefined {
  if (got.length === 0) return 'the rule gave no finding (no target in the example?)';
  if (expect === 'violation') return got.includes('violation') ? undefined : 'expected a violation, got none';
  if (expect === 'pass') {
    const other = got.filter((s) => s !== 'pass' && s !== 'not-applicable');
    if (other.length) return `expected only passes, got ${[...new Set(other)].join(', ')}`;
    return got.includes('pass') ? undefined : 'expected a pass, got only not-applicable';
  }
  if (got.includes('violation')) return `expected ${expect}, got a violation`;
  return got.includes(expect) ? undefined : `expected ${expect}, got ${[...new Set(got)].join(', ')}`;
}

/** The rules of `ruleSet` that were loaded from `files` (a custom pack's own rules, for instance). */
export function rulesFromFiles(ruleSet: RuleSet, files: readonly PackFile[]): LoadedRule[] {
  const paths = new Set(files.map((f) => f.path));
  return ruleSet.rules.filter((r) => paths.has(r.file));
}

export async function runRuleExamples(ruleSet: RuleSet, files: readonly PackFile[], options: ExampleRunOptions): Promise<ExampleCase[]> {
  const cases: ExampleCase[] = [];
  const issues: InputIssue[] = [];
  for (const rule of rulesFromFiles(ruleSet, files)) {
    const d = rule.definition;
    const folder = dirOf(rule.file);
    const inFolder = files.filter((f) => dirOf(f.path) === folder);
    const present = inFolder.filter((f) => isExampleName(baseName(f.path)));
    const streamed = ruleSet.scopes[d.scope]?.source !== undefined;
    const names = [...new Set([...present.map((f) => baseName(f.path)), ...(d.examples ?? []).map((e) => e.file)])].sort();
    const base = { ruleId: d.id, pack: d.pack, got: [] as FindingStatus[], passed: false };

    for (const prefix of ['compliant', 'violating']) {
      if (!names.some((n) => n.startsWith(prefix))) cases.push({ ...base, file: rule.file, asOf: options.asOf, reason: `the rule has no ${prefix}* example` });
    }
    for (const name of names) {
      const asOf = d.examples?.find((e) => e.file === name)?.asOf ?? options.asOf;
      const file = folder + name;
      const expect = expectedOutcome(d, name);
      const text = present.find((f) => baseName(f.path) === name)?.text;
      if (text === undefined) {
        cases.push({ ...base, file, expect, asOf, reason: 'the rule lists this example but the file does not exist' });
        continue;
      }
      if (expect === undefined) {
        cases.push({ ...base, file, asOf, reason: "no expected outcome: name the file compliant*/violating* or list it in the rule's examples" });
        continue;
      }
      let config;
      try {
        config = parseConfig(text, { file });
      } catch (e) {
        if (e instanceof VigieInputError) issues.push(...e.issues);
        else throw e;
        continue;
      }
      let report: Report;
      if (streamed) {
        // A rule on a log: the example is a deployment plus the log beside it.
        const log = exampleLog(d, name, inFolder);
        if (!log) {
          cases.push({ ...base, file, expect, asOf, reason: `a rule on a log needs a log beside the example (${name.replace(/\.(ya?ml|json)$/i, '.log.jsonl')})` });
          continue;
        }
        report = await auditLog(config, linesOf(log.text), { file: log.path, format: logFormatFromName(log.path), asOf, packs: [d.pack], ruleSet, keepPasses: true });
        const skipped = report.logs?.[0]?.skippedCount ?? 0;
        if (skipped > 0) {
          cases.push({ ...base, file, expect, asOf, reason: `${log.path}: ${skipped} line(s) are not valid events` });
          continue;
        }
      } else {
        report = await evaluate(config, { asOf, packs: [d.pack], ruleSet });
      }
      const got = report.findings.filter((f) => f.ruleId === d.id).map((f) => f.status);
      const reason = judgeExample(expect, got);
      cases.push({ ...base, file, expect, asOf, got, passed: reason === undefined, ...(reason ? { reason } : {}) });
    }
  }
  if (issues.length) throw new VigieInputError('rules', issues);
  return cases;
}
