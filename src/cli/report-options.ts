import { existsSync, statSync } from 'node:fs';
import type { EvaluateOptions } from '../evaluate.js';
import { normalizeAsOf } from '../evaluate.js';
import { builtinRuleSet } from '../packs/builtin.js';
import type { RuleSet } from '../packs/rule-set.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import { checkWaiverRules, parseWaivers } from '../report/load-waivers.js';
import { FAIL_ON_LEVELS, failingFindings, type FailOn } from '../report/threshold.js';
import { loadRulePackDir } from '../node/load.js';
import { readTextFile } from '../node/read.js';
import type { Lang, Report, Waiver } from '../types.js';
import { list, oneOf, usageError } from './args.js';
import { EXIT } from './exit-codes.js';

export { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';

/**
 * Options shared by every command that produces a report (check, audit): how the law is applied,
 * which findings fail the run, and how the report is written. Declared once so the commands agree.
 */
export const reportOptionSpecs = {
  format: { type: 'string', default: 'text' },
  output: { type: 'string', short: 'o' },
  'output-dir': { type: 'string' },
  'fail-on': { type: 'string', default: 'error' },
  'fail-on-undetermined': { type: 'boolean', default: false },
  waivers: { type: 'string' },
  'as-of': { type: 'string' },
  pack: { type: 'string' },
  rules: { type: 'string', multiple: true },
  parameter: { type: 'string', multiple: true },
  lang: { type: 'string', default: 'fr' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean', default: false },
  'only-problems': { type: 'boolean', default: false },
} as const;

export interface ReportOptions {
  /** One or more formats; several need --output-dir. */
  formats: ReportFormat[];
  output?: string;
  outputDir?: string;
  failOn: FailOn;
  failOnUndetermined: boolean;
  waiversFile?: string;
  asOf?: string;
  packs?: string[];
  /** Directories of custom rule packs, loaded on top of the built-in packs. */
  rulesDirs: string[];
  parameterChoices: Record<string, string>;
  lang: Lang;
  /** true/false when forced by --color/--no-color; undefined: colour on a terminal unless NO_COLOR. */
  color?: boolean;
  verbose: boolean;
  /** List only violations, undetermined and waived findings; passing and not-applicable ones are counted (`findings: 'problems'`). */
  onlyProblems: boolean;
}

export const reportOptionsHelp = `Report:
  --format LIST            text, json, sarif, junit, markdown; several comma-separated with
                           --output-dir (default text)
  -o, --output FILE        write the report to FILE instead of standard output (one format)
  --output-dir DIR         write each format to DIR (vigie.txt, vigie.json, vigie.sarif,
                           vigie-junit.xml, vigie.md)
  --lang fr|en             language of the report (default fr)
  --color, --no-color      force colours on or off (default: on a terminal, unless NO_COLOR is set)
  --verbose                also list passing findings in the text report
  --only-problems          list only violations, undetermined and waived findings in every
                           format (text, Markdown and SARIF list only those anyway); passing and
                           not-applicable ones are counted, not listed (faster and smaller on
                           large deployments)

Failing:
  --fail-on LEVEL          exit 1 when a violation of severity LEVEL or above remains:
                           error (default), warning, info, or never
  --fail-on-undetermined   also exit 1 on undetermined findings (missing data) at or above
                           --fail-on, counted at their rule's severity; off by default, since
                           missing data is reported but is not a breach of the law
  --waivers FILE           waivers (YAML or JSON): waived findings are reported, never counted;
                           expired waivers no longer apply; unused ones are reported

Law:
  --as-of YYYY-MM-DD       apply the law as of this date (default today)
  --pack LIST              rule packs, comma-separated (default fr-law; also cnil-guidance, strict,
                           and the packs --rules adds)
  --rules DIR              add a custom rule pack (repeatable); it may add rules and tighten
                           parameters, never loosen fr-law (see docs/custom-packs.md)
  --parameter ID=ALT       use the alternative ALT of parameter ID (repeatable), e.g.
                           --parameter month-counting=calendar`;

export function readReportOptions(values: Record<string, string | boolean | string[] | undefined>): ReportOptions {
  const formats = list(values.format as string) ?? [];
  if (formats.length === 0) throw usageError('--format needs at least one format');
  for (const f of formats) oneOf('format', f, REPORT_FORMATS);
  const output = values.output as string | undefined;
  const outputDir = values['output-dir'] as string | undefined;
  if (output !== undefined && outputDir !== undefined) throw usageError('--output and --output-dir cannot be used together');
  if (formats.length > 1 && outputDir === undefined) throw usageError(`several formats (${formats.join(', ')}) need --output-dir DIR`);
  if (new Set(formats).size !== formats.length) throw usageError('--format names a format twice');
  if (values.color && values['no-color']) throw usageError('--color and --no-color cannot be used together');
  if (values.verbose && values['only-problems']) throw usageError('--verbose and --only-problems cannot be used together');

  const parameterChoices = parseParameterChoices(values.parameter as string[] | undefined);
  const asOf = values['as-of'] as string | undefined;
  if (asOf !== undefined) normalizeAsOf(asOf);
  return {
    formats: formats as ReportFormat[],
    ...(output !== undefined ? { output } : {}),
    ...(outputDir !== undefined ? { outputDir } : {}),
    failOn: oneOf('fail-on', values['fail-on'] as string, FAIL_ON_LEVELS)!,
    failOnUndetermined: Boolean(values['fail-on-undetermined']),
    ...(values.waivers !== undefined ? { waiversFile: values.waivers as string } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(values.pack !== undefined ? { packs: list(values.pack as string) } : {}),
    rulesDirs: (values.rules as string[] | undefined) ?? [],
    parameterChoices,
    lang: oneOf('lang', values.lang as string, ['fr', 'en'] as const)!,
    ...(values.color ? { color: true } : values['no-color'] ? { color: false } : {}),
    verbose: Boolean(values.verbose),
    onlyProblems: Boolean(values['only-problems']),
  };
}

/** The rules (built-in and custom) and waivers to evaluate with; throws VigieInputError (exit 2) on a bad pack or waivers file. */
export function prepareEvaluation(options: ReportOptions): { ruleSet: RuleSet; evaluateOptions: EvaluateOptions } {
  let ruleSet = builtinRuleSet();
  for (const dir of options.rulesDirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError(`--rules "${dir}" is not a directory`);
    ruleSet = loadRulePackDir(dir, ruleSet);
  }
  let waivers: Waiver[] = [];
  if (options.waiversFile !== undefined) {
    waivers = parseWaivers(readTextFile(options.waiversFile, 'waivers'), { file: options.waiversFile });
    checkWaiverRules(waivers, ruleSet);
  }
  return {
    ruleSet,
    evaluateOptions: { ruleSet, waivers, parameterChoices: options.parameterChoices, ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.packs ? { packs: options.packs } : {}), ...(listsOnlyProblems(options) ? { findings: 'problems' as const } : {}) },
  };
}

/**
 * Formats whose report shows passing and not-applicable findings only as counts: text (unless
 * --verbose), Markdown, and SARIF (results for problems only, the summary in its properties).
 * JSON and JUnit list every finding.
 */
const PROBLEM_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'sarif'];

/**
 * Whether the report written lists only problems: with --only-problems, and also when every format
 * asked for shows the rest only as counts. The evaluation then builds no finding for what passes:
 * the same output, several times faster on a large deployment.
 */
export function listsOnlyProblems(options: Pick<ReportOptions, 'onlyProblems' | 'verbose' | 'formats'>): boolean {
  return options.onlyProblems || (!options.verbose && options.formats.every((f) => PROBLEM_FORMATS.includes(f)));
}

/** The exit code of a report: 1 when a finding at or above the threshold remains (waived ones never count). */
export function exitCodeOf(report: Report, options: Pick<ReportOptions, 'failOn' | 'failOnUndetermined'> = { failOn: 'error', failOnUndetermined: false }): number {
  return failingFindings(report, { failOn: options.failOn, failOnUndetermined: options.failOnUndetermined }).length ? EXIT.findings : EXIT.ok;
}

/** The `--parameter ID=ALTERNATIVE` options, as the library's `parameterChoices`. */
export function parseParameterChoices(given: string[] | undefined): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const p of given ?? []) {
    const m = /^([^=\s]+)=([^=\s]+)$/.exec(p);
    if (!m) throw usageError(`--parameter "${p}" is not ID=ALTERNATIVE`);
    choices[m[1]!] = m[2]!;
  }
  return choices;
}
