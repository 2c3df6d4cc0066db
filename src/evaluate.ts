import { format } from 'date-fns';
import { version } from '../package.json';
import { checkedConfigInput, type ConfigInput, type LoadedConfig } from './config.js';
import { VigieInputError } from './errors.js';
import { checkEvaluateOptions } from './options.js';
import { compiledRule, type ConditionEngine } from './engine/evaluate-rule.js';
import { builtinRuleSet } from './packs/builtin.js';
import { resolveParameters, type ResolvedParameters } from './packs/parameters.js';
import { rulesByScope, type LoadedRule, type RuleSet } from './packs/rule-set.js';
import { mergeUnder } from './merge.js';
import { compareFindings, compareRuleIds, isSorted } from './report/order.js';
import { summarize } from './report/summary.js';
import { checkWaiverRules } from './report/load-waivers.js';
import { applyWaivers } from './report/waivers.js';
import { isCalendarDate } from './schema/formats.js';
import type { Finding, Report, Waiver } from './types.js';
import { newRun } from './engine/derivations/list-index.js';
import { FindingsByRule, ScopeListing, type DeploymentRun, type OmittedCounts } from './evaluate-scope.js';

export { toFinding, type FindingContext } from './report/finding.js';

export interface EvaluateOptions {
  /** The date the law is applied as of, YYYY-MM-DD or a Date; default today. */
  asOf?: string | Date;
  /** Pack ids to evaluate; default the packs marked `default` (fr-law). */
  packs?: string[];
  /** Rules to use; default the built-in packs. */
  ruleSet?: RuleSet;
  waivers?: Waiver[];
  /** Selects an alternative value of a parameter, e.g. `{ 'algorithmic-detection-end': 'jo-2030-extension' }`. */
  parameterChoices?: Record<string, string>;
  /**
   * `compiled` (default): conditions compiled once per rule and run synchronously.
   * `reference`: json-rules-engine runs every rule on every target. Same findings; see docs/performance.md.
   */
  engine?: ConditionEngine;
  /**
   * `all` (default): one finding per rule and target. `problems`: only violations, undetermined and
   * waived findings; passing and not-applicable ones are counted in `summary` and `omitted` but not
   * listed (for 100,000s of targets, where the full report is mostly passes).
   */
  findings?: 'all' | 'problems';
}

export type { ConfigInput };

export function normalizeAsOf(asOf: string | Date | undefined): string {
  if (asOf === undefined) return format(new Date(), 'yyyy-MM-dd');
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime())) throw new VigieInputError('usage', [{ code: 'usage', message: 'asOf is an invalid Date', expected: 'a valid date' }]);
    return format(asOf, 'yyyy-MM-dd');
  }
  if (!isCalendarDate(asOf)) throw new VigieInputError('usage', [{ code: 'usage', message: `asOf "${asOf}" is not a date`, expected: 'an existing date as YYYY-MM-DD' }]);
  return asOf;
}

/** Which rules run: those of the chosen packs that are in force on `asOf`. */
export function selectRules(ruleSet: RuleSet, packs: string[] | undefined, asOf: string): { packs: string[]; rules: LoadedRule[] } {
  const chosen = packs ?? ruleSet.packs.filter((p) => p.default).map((p) => p.id);
  const unknown = chosen.filter((id) => !ruleSet.packs.some((p) => p.id === id));
  if (unknown.length) {
    throw new VigieInputError('usage', [
      { code: 'unknown-pack', message: `unknown rule pack "${unknown.join('", "')}"`, expected: `one of: ${ruleSet.packs.map((p) => p.id).join(', ')}` },
    ]);
  }
  const rules = ruleSet.rules.filter((r) => {
    const d = r.definition;
    return chosen.includes(d.pack) && d.effective.from <= asOf && (d.effective.until === undefined || asOf <= d.effective.until);
  });
  return { packs: chosen, rules };
}

export function checkParameterChoices(ruleSet: RuleSet, choices: Record<string, string>): void {
  for (const [id, alt] of Object.entries(choices)) {
    const p = ruleSet.parameters.find((x) => x.id === id);
    if (!p || !p.alternatives?.some((a) => a.id === alt)) {
      throw new VigieInputError('usage', [
        {
          code: 'unknown-parameter',
          message: p ? `parameter "${id}" has no alternative "${alt}"` : `unknown parameter "${id}"`,
          expected: p ? `one of: ${(p.alternatives ?? []).map((a) => a.id).join(', ') || '(none)'}` : 'a parameter id',
        },
      ]);
    }
  }
}

export type { OmittedCounts };

/**
 * The findings of one deployment, and whether they are known to be in report order
 * (compareFindings) as made: then assembling the report need not go over them again to check.
 */
export interface EvaluatedFindings {
  findings: Finding[];
  inOrder: boolean;
}

/**
 * The findings of the chosen rules on one validated deployment. With `omitted`, passing and
 * not-applicable outcomes are only counted there: no finding is built for them.
 */
export async function evaluateConfig(
  config: LoadedConfig,
  rules: LoadedRule[],
  ruleSet: RuleSet,
  params: ResolvedParameters,
  asOf: string,
  engine: ConditionEngine = 'compiled',
  omitted?: OmittedCounts,
): Promise<EvaluatedFindings> {
  if (engine === 'compiled') for (const rule of rules) compiledRule(rule); // fail before any work on a rule that cannot be compiled
  const run: DeploymentRun = { config, rules, params, asOf, omitted };
  const found = new FindingsByRule(rules.length);
  // Rules are evaluated scope by scope, target by target (evaluate-scope.ts).
  for (const [name, members] of rulesByScope(rules)) {
    const scope = ruleSet.scopes[name]!;
    // Streamed scopes (an access log) have no targets in the deployment: auditLog evaluates them.
    if (scope.source !== undefined || scope.each === undefined) continue;
    const listing = new ScopeListing(run, scope as typeof scope & { each: string }, members, engine === 'compiled');
    if (engine === 'compiled') listing.listCompiled(found);
    else await listing.listReference(found);
  }
  // Joined in the order of rule ids: each rule's findings are in document order already (targets
  // are listed in the order of their pointers), so the findings of rules with distinct ids,
  // located in one file, come out in report order.
  const order = rules.map((_, i) => i).sort((a, b) => compareRuleIds(rules[a]!.definition.id, rules[b]!.definition.id));
  // concat, not push: one list of the right length, copied rule by rule (a few dozen lists at most).
  const findings = ([] as Finding[]).concat(...order.map((i) => found.byRule[i]!));
  const distinctIds = order.every((i, n) => n === 0 || rules[order[n - 1]!]!.definition.id !== rules[i]!.definition.id);
  return { findings, inOrder: found.oneFile && distinctIds };
}

/** Evaluates a deployment against the rule packs and returns the report. */
export async function evaluate(input: ConfigInput, options: EvaluateOptions = {}): Promise<Report> {
  return evaluateMany([input], options);
}

/** Evaluates several deployments into one report (each finding names its file). */
export async function evaluateMany(inputs: ConfigInput[], options: EvaluateOptions = {}): Promise<Report> {
  checkEvaluateOptions(options);
  if (!Array.isArray(inputs)) throw new VigieInputError('usage', [{ code: 'usage', message: 'evaluateMany expects an array of deployments', expected: 'an array' }]);
  const asOf = normalizeAsOf(options.asOf);
  const ruleSet = options.ruleSet ?? builtinRuleSet();
  checkParameterChoices(ruleSet, options.parameterChoices ?? {});
  checkWaiverRules(options.waivers ?? [], ruleSet);
  const { packs, rules } = selectRules(ruleSet, options.packs, asOf);
  const params = resolveParameters(ruleSet.parameters, asOf, options.parameterChoices);
  newRun(); // the caller may have changed its deployment since the last evaluation
  const configs = inputs.map(checkedConfigInput);

  const omitted: OmittedCounts | undefined = options.findings === 'problems' ? { pass: 0, 'not-applicable': 0 } : undefined;
  const evaluated: EvaluatedFindings[] = [];
  for (const config of configs) evaluated.push(await evaluateConfig(config, rules, ruleSet, params, asOf, options.engine, omitted));
  // One deployment's list is the report's as it is; several are joined (concat, not push(...):
  // a spread of 100,000s of findings overflows the call stack), in an order checked when assembled.
  const findings = evaluated.length === 1 ? evaluated[0]!.findings : ([] as Finding[]).concat(...evaluated.map((e) => e.findings));
  const inOrder = evaluated.length === 1 && evaluated[0]!.inOrder;
  return assembleReport(findings, { asOf, packs, inputs: configs.map((c) => c.file).filter((f): f is string => f !== undefined), waivers: options.waivers ?? [], omitted, inOrder });
}

/**
 * The report of these findings. The list is the report's own from then on (it may be sorted in
 * place, and is the report's `findings` when no waiver is given): callers pass one they made.
 * With `inOrder`, the caller knows it is in report order already and it is not checked again:
 * at 100,000s of findings, going over them once more was a few percent of an evaluation.
 */
export function assembleReport(findings: Finding[], meta: { asOf: string; packs: string[]; inputs: string[]; waivers: Waiver[]; omitted?: OmittedCounts; inOrder?: boolean }): Report {
  const { findings: waived, statuses } = meta.waivers.length === 0 ? { findings, statuses: [] } : applyWaivers(findings, meta.waivers, meta.asOf);
  // Otherwise a stable sort of a sorted list changes nothing: checking is one comparison per finding.
  if (meta.inOrder !== true && !isSorted(waived, compareFindings)) waived.sort(compareFindings);
  const summary = summarize(waived);
  const report: Report = { vigieVersion: version, asOf: meta.asOf, packs: meta.packs, inputs: meta.inputs, findings: waived, summary, waivers: statuses };
  if (meta.omitted) {
    // Waivers never apply to passing or not-applicable findings, so counting them apart changes no status.
    summary.pass += meta.omitted.pass;
    summary['not-applicable'] += meta.omitted['not-applicable'];
    summary.total += meta.omitted.pass + meta.omitted['not-applicable'];
    report.omitted = { ...meta.omitted };
  }
  return report;
}

export { mergeUnder };

