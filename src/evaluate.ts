import { format } from 'date-fns';
import { version } from '../package.json';
import { checkedConfigInput, type ConfigInput, type LoadedConfig } from './config.js';
import { VigieInputError } from './errors.js';
import { checkEvaluateOptions } from './options.js';
import { compiledRule, evaluateRuleOnTarget, evaluateRuleOnTargetCompiled, type ConditionEngine, type RuleOutcome } from './engine/evaluate-rule.js';
import { placeholders, renderTemplate } from './engine/template.js';
import { getAtPointer, joinPointer, parsePointer, segmentsReader } from './parse/pointer.js';
import { builtinRuleSet } from './packs/builtin.js';
import { resolveParameters, type ResolvedParameters } from './packs/parameters.js';
import { rulesByScope, type LoadedRule, type RuleSet } from './packs/rule-set.js';
import { mergeUnder, merger } from './merge.js';
import { compareFindings, compareRuleIds, isSorted } from './report/order.js';
import { summarize } from './report/summary.js';
import { findingObject } from './report/finding-object.js';
import { checkWaiverRules } from './report/load-waivers.js';
import { applyWaivers } from './report/waivers.js';
import { isCalendarDate } from './schema/formats.js';
import type { Bilingual, Deployment, Evidence, Finding, Report, SourceLocation, Waiver } from './types.js';
import { buildFacts, LazyFactTable, targetFact, type FactTable, type TargetFacts } from './engine/facts.js';
import type { DerivedValue } from './engine/derivations/index.js';
import { scopeJudge } from './engine/scope-judge.js';
import { newRun } from './engine/derivations/list-index.js';

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

/** Counts of the findings left out of a report made with `findings: 'problems'`. */
export type OmittedCounts = NonNullable<Report['omitted']>;

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
  const locate = (p: string) => config.source?.locate(p);
  // The file every finding so far is located in ('' for none): findings made in rule order, then
  // document order, are in report order as long as they all name one file.
  let file: string | undefined;
  let oneFile = true;
  // Findings are gathered per rule and joined in the rules' order.
  const byRule = rules.map((): Finding[] => []);
  // Rules are evaluated scope by scope, target by target: the targets (camera defaults merged in)
  // are listed once per scope, and the scope's rules read each target's facts as values
  // (scope-judge.ts), sharing the facts they have in common. When only problems are listed, they
  // first judge each target from those values; what passes is only counted.
  for (const [name, members] of rulesByScope(rules)) {
    const scope = ruleSet.scopes[name]!;
    // Streamed scopes (an access log) have no targets in the deployment: auditLog evaluates them.
    if (scope.source !== undefined || scope.each === undefined) continue;
    // Each target (camera defaults merged in) is made when its turn comes and dropped after: the
    // merged copies of 100,000 cameras are not all kept alive through the evaluation.
    const targets = scopeTargets(config.data, scope.each!, scope.defaults);
    // The full report uses the judge's values too: each outcome's trees are made on them (a fact
    // shared by several rules computed once per target), only the verdicts are not asked for.
    const judge = engine === 'compiled' ? scopeJudge(members.map((i) => rules[i]!.definition), config.data, params.values, asOf) : undefined;
    // Per rule: the facts it shares across targets, and one object updated in place for each
    // target (read by an evaluation only before the next one starts). Made when first needed.
    const factsOf: Array<TargetFacts | undefined> = [];
    const readId = scope.id ? segmentsReader(parsePointer(scope.id)) : undefined;
    // What each rule's findings read of the judge's values, made once per scope, not per finding.
    const judgedFactValue = members.map((_, k) => (name: string) => judge!.factValue(k, name));
    // When only problems are listed, the judge judges each target's rules at once and counts what
    // passes or does not apply; only the indices of the rest come back.
    const countOnly = omitted !== undefined && judge !== undefined;
    const listed: number[] = [];
    for (let t = 0; t < targets.count; t++) {
      const target = targets.target(t);
      const targetId = readId ? stringOrUndefined(readId(target)) : undefined;
      judge?.next(target, targetId);
      const n = countOnly ? judge.judgeTarget(listed) : members.length;
      let pointer: string | undefined; // made for a listed outcome only: judging does not read it
      let fact: DerivedValue | undefined;
      for (let j = 0; j < n; j++) {
        const k = countOnly ? listed[j]! : j;
        const rule = rules[members[k]!]!;
        pointer ??= targets.pointer(t);
        let facts = factsOf[k];
        if (!facts) {
          // The compiled path computes derived facts when first read.
          const table: FactTable = engine === 'compiled' ? new LazyFactTable() : new Map();
          facts = factsOf[k] = { target, pointer, targetId, deployment: config.data, params: params.values, asOf, shared: new Map(), table };
        }
        facts.target = target;
        facts.pointer = pointer;
        facts.targetId = targetId;
        facts.targetFact = fact ??= targetFact(target, pointer);
        // A target the judge sent here is listed: its outcome is decided on the values judged, and
        // only the facts the deciding conditions name are computed again with their provenance.
        const judged = judge?.planned(k) === true;
        const outcome = judged
          ? judge!.outcome(k, buildFacts(rule.definition, facts), params.evidence)!
          : engine === 'compiled'
            ? evaluateRuleOnTargetCompiled(rule, facts, params.evidence, omitted !== undefined)
            : await evaluateRuleOnTarget(rule, facts, params.evidence);
        if (typeof outcome === 'string') omitted![outcome]++;
        else if (omitted && (outcome.status === 'pass' || outcome.status === 'not-applicable')) omitted[outcome.status]++;
        else {
          const location = config.source?.locate(pointer) ?? (config.file ? { file: config.file, line: 1, column: 1 } : undefined);
          const at = location?.file ?? '';
          if (file === undefined) file = at;
          else if (at !== file) oneFile = false;
          const factValue = judged ? judgedFactValue[k] : undefined;
          byRule[members[k]!]!.push(toFinding(rule, outcome, { target, pointer, targetId, asOf, params: params.values, location, locate, factValue }));
        }
      }
    }
    if (countOnly) {
      omitted.pass += judge.counts.pass;
      omitted['not-applicable'] += judge.counts['not-applicable'];
    }
  }
  // Joined in the order of rule ids: each rule's findings are in document order already (targets
  // are listed in the order of their pointers), so the findings of rules with distinct ids,
  // located in one file, come out in report order.
  const findings: Finding[] = [];
  const order = rules.map((_, i) => i).sort((a, b) => compareRuleIds(rules[a]!.definition.id, rules[b]!.definition.id));
  for (const i of order) for (const f of byRule[i]!) findings.push(f);
  const distinctIds = order.every((i, n) => n === 0 || rules[order[n - 1]!]!.definition.id !== rules[i]!.definition.id);
  return { findings, inOrder: oneFile && distinctIds };
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

/** The targets of a scope, each made when asked for: `count` of them, the `i`th with its pointer. */
function scopeTargets(data: unknown, each: string, defaultsAt?: string): { count: number; target(i: number): unknown; pointer(i: number): string } {
  if (each === '') return { count: 1, target: () => data, pointer: () => '' };
  const list = getAtPointer(data, each);
  if (!Array.isArray(list)) return { count: 0, target: () => undefined, pointer: () => each };
  const defaults = defaultsAt !== undefined ? getAtPointer(data, defaultsAt) : undefined;
  const merge = merger(defaults);
  return { count: list.length, target: (i) => merge(list[i]), pointer: (i) => joinPointer(each, i) };
}

export { mergeUnder };

const stringOrUndefined = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

const DEFAULT_MESSAGES: Record<'pass' | 'undetermined' | 'notApplicable', Bilingual> = {
  pass: { fr: 'Conforme.', en: 'Compliant.' },
  undetermined: {
    fr: 'Impossible de conclure : la configuration ne renseigne pas {{missing}}.',
    en: 'Cannot decide: the configuration does not state {{missing}}.',
  },
  notApplicable: { fr: 'Non applicable à cette cible.', en: 'Not applicable to this target.' },
};

/** What a finding says about where its target and evidence are. */
export interface FindingContext {
  target: unknown;
  pointer: string;
  targetId?: string;
  asOf: string;
  params: Record<string, unknown>;
  /** Where the target is. */
  location?: SourceLocation;
  /** Where the value at a pointer of the evidence is; the pointer may be rewritten (a log event's fields). */
  locate(pointer: string): SourceLocation | undefined;
  /** Rewrites an evidence pointer before it is reported (default: unchanged). */
  reportPointer?(pointer: string): string;
  /**
   * The value of one of the rule's facts when already known from judging the target (scope-judge.ts:
   * the value the outcome's fact table holds, without computing its provenance again).
   */
  factValue?(name: string): unknown;
}

const readsFacts = new WeakMap<LoadedRule['definition'], string[] | 'all' | undefined>();

/**
 * The facts a rule's messages name as `{{facts.x}}` (`all` for a bare `{{facts}}`): only those are
 * copied for them, so that a finding does not compute facts its messages do not show.
 */
function factsTemplatesRead(d: LoadedRule['definition']): string[] | 'all' | undefined {
  if (readsFacts.has(d)) return readsFacts.get(d);
  const texts = [...Object.values(d.messages), ...Object.values(DEFAULT_MESSAGES)].flatMap((m) => [m.fr, m.en]);
  const named = texts.flatMap(placeholders).filter((p) => p === 'facts' || p.startsWith('facts.'));
  const read = named.length === 0 ? undefined : named.includes('facts') ? 'all' : [...new Set(named.map((p) => p.split('.')[1]!))];
  readsFacts.set(d, read);
  return read;
}

export function toFinding(rule: LoadedRule, outcome: RuleOutcome, c: FindingContext): Finding {
  const d = rule.definition;
  // Each outcome's evidence, list and entries, is made for it alone (outcomeOf): it is completed in place.
  const evidence = outcome.evidence as Evidence[];
  for (let i = 0; i < evidence.length; i++) {
    const out = evidence[i]!;
    if (out.pointer === undefined) continue;
    const location = c.locate(out.pointer);
    if (c.reportPointer) out.pointer = c.reportPointer(out.pointer);
    if (location) out.location = location;
  }
  const missing = c.reportPointer ? outcome.missing.map(c.reportPointer) : outcome.missing;
  const key = outcome.status === 'not-applicable' ? 'notApplicable' : outcome.status;
  const template = (key === 'violation' ? d.messages.violation : d.messages[key]) ?? DEFAULT_MESSAGES[key as keyof typeof DEFAULT_MESSAGES];
  const first = evidence[0];
  let facts: Record<string, unknown> | undefined;
  const read = factsTemplatesRead(d);
  if (read === 'all') {
    facts = {};
    for (const [k, v] of outcome.facts) facts[k] = v.value;
  } else if (read) {
    facts = {};
    for (const k of read) if (outcome.facts.has(k)) facts[k] = c.factValue ? c.factValue(k) : outcome.facts.get(k)!.value;
  }
  const context = {
    target: c.target,
    targetId: c.targetId,
    pointer: c.pointer,
    actual: first?.actual,
    expected: first?.expected,
    condition: first?.condition,
    missing,
    param: c.params,
    facts,
    asOf: c.asOf,
  };
  return findingObject({
    ruleId: d.id,
    pack: d.pack,
    status: outcome.status,
    severity: d.severity,
    scope: d.scope,
    pointer: c.pointer,
    targetId: c.targetId,
    location: c.location,
    message: { fr: renderTemplate(template.fr, context, 'fr'), en: renderTemplate(template.en, context, 'en') },
    evidence,
    missing,
    legal: d.legal,
    remediation: d.remediation,
  });
}
