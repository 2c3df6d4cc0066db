import { format } from 'date-fns';
import { version } from '../package.json';
import { checkedConfig, type LoadedConfig } from './config.js';
import { VigieInputError } from './errors.js';
import { compiledRule, evaluateRuleOnTarget, evaluateRuleOnTargetCompiled, type ConditionEngine, type RuleOutcome } from './engine/evaluate-rule.js';
import { renderTemplate } from './engine/template.js';
import { getAtPointer, joinPointer } from './parse/pointer.js';
import { builtinRuleSet } from './packs/builtin.js';
import { resolveParameters, type ResolvedParameters } from './packs/parameters.js';
import type { LoadedRule, RuleSet } from './packs/rule-set.js';
import { compareFindings } from './report/order.js';
import { summarize } from './report/summary.js';
import { applyWaivers } from './report/waivers.js';
import { isCalendarDate } from './schema/formats.js';
import type { Bilingual, Deployment, Evidence, Finding, Report, Waiver } from './types.js';

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
}

export type ConfigInput = Deployment | LoadedConfig;

function isLoaded(input: ConfigInput): input is LoadedConfig {
  return typeof input === 'object' && input !== null && 'data' in input && typeof input.data === 'object' && !Array.isArray(input);
}

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

/** The findings of the chosen rules on one validated deployment. */
export async function evaluateConfig(
  config: LoadedConfig,
  rules: LoadedRule[],
  ruleSet: RuleSet,
  params: ResolvedParameters,
  asOf: string,
  engine: ConditionEngine = 'compiled',
): Promise<Finding[]> {
  const findings: Finding[] = [];
  if (engine === 'compiled') for (const rule of rules) compiledRule(rule); // fail before any work on a rule that cannot be compiled
  for (const rule of rules) {
    const d = rule.definition;
    const scope = ruleSet.scopes[d.scope]!;
    for (const { target, pointer } of targetsOf(config.data, scope.each, scope.defaults)) {
      const targetId = scope.id ? stringOrUndefined(getAtPointer(target, scope.id)) : undefined;
      const facts = { target, pointer, targetId, deployment: config.data, params: params.values, asOf };
      const outcome = engine === 'compiled' ? evaluateRuleOnTargetCompiled(rule, facts, params.evidence) : await evaluateRuleOnTarget(rule, facts, params.evidence);
      findings.push(toFinding(rule, outcome, { target, pointer, targetId, asOf, params: params.values, config }));
    }
  }
  return findings;
}

/** Evaluates a deployment against the rule packs and returns the report. */
export async function evaluate(input: ConfigInput, options: EvaluateOptions = {}): Promise<Report> {
  return evaluateMany([input], options);
}

/** Evaluates several deployments into one report (each finding names its file). */
export async function evaluateMany(inputs: ConfigInput[], options: EvaluateOptions = {}): Promise<Report> {
  const asOf = normalizeAsOf(options.asOf);
  const ruleSet = options.ruleSet ?? builtinRuleSet();
  checkParameterChoices(ruleSet, options.parameterChoices ?? {});
  const { packs, rules } = selectRules(ruleSet, options.packs, asOf);
  const params = resolveParameters(ruleSet.parameters, asOf, options.parameterChoices);
  const configs = inputs.map((i) => (isLoaded(i) ? i : checkedConfig(i)));

  let findings: Finding[] = [];
  // concat, not push(...): a spread of 100,000s of findings overflows the call stack.
  for (const config of configs) findings = findings.concat(await evaluateConfig(config, rules, ruleSet, params, asOf, options.engine));
  return assembleReport(findings, { asOf, packs, inputs: configs.map((c) => c.file).filter((f): f is string => f !== undefined), waivers: options.waivers ?? [] });
}

export function assembleReport(findings: Finding[], meta: { asOf: string; packs: string[]; inputs: string[]; waivers: Waiver[] }): Report {
  const { findings: waived, statuses } = applyWaivers(findings, meta.waivers, meta.asOf);
  waived.sort(compareFindings);
  return { vigieVersion: version, asOf: meta.asOf, packs: meta.packs, inputs: meta.inputs, findings: waived, summary: summarize(waived), waivers: statuses };
}

export function* targetsOf(data: unknown, each: string, defaultsAt?: string): Generator<{ target: unknown; pointer: string }> {
  if (each === '') {
    yield { target: data, pointer: '' };
    return;
  }
  const list = getAtPointer(data, each);
  if (!Array.isArray(list)) return;
  const defaults = defaultsAt !== undefined ? getAtPointer(data, defaultsAt) : undefined;
  for (let i = 0; i < list.length; i++) yield { target: mergeUnder(defaults, list[i]), pointer: joinPointer(each, i) };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `value` with `defaults` filling what it does not state, recursively into objects; neither is modified. */
export function mergeUnder(defaults: unknown, value: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(value)) return value === undefined ? defaults : value;
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(defaults)) out[k] = v;
  for (const [k, v] of Object.entries(value)) out[k] = mergeUnder(defaults[k], v);
  return Object.setPrototypeOf(out, Object.prototype);
}

const stringOrUndefined = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

const DEFAULT_MESSAGES: Record<'pass' | 'undetermined' | 'notApplicable', Bilingual> = {
  pass: { fr: 'Conforme.', en: 'Compliant.' },
  undetermined: {
    fr: 'Impossible de conclure : la configuration ne renseigne pas {{missing}}.',
    en: 'Cannot decide: the configuration does not state {{missing}}.',
  },
  notApplicable: { fr: 'Non applicable à cette cible.', en: 'Not applicable to this target.' },
};

interface FindingContext {
  target: unknown;
  pointer: string;
  targetId?: string;
  asOf: string;
  params: Record<string, unknown>;
  config: LoadedConfig;
}

function toFinding(rule: LoadedRule, outcome: RuleOutcome, c: FindingContext): Finding {
  const d = rule.definition;
  const source = c.config.source;
  const evidence: Evidence[] = outcome.evidence.map((e) => {
    const location = e.pointer !== undefined ? source?.locate(e.pointer) : undefined;
    return { ...e, ...(location ? { location } : {}) };
  });
  const key = outcome.status === 'not-applicable' ? 'notApplicable' : outcome.status;
  const template = (key === 'violation' ? d.messages.violation : d.messages[key]) ?? DEFAULT_MESSAGES[key as keyof typeof DEFAULT_MESSAGES];
  const first = evidence[0];
  const facts: Record<string, unknown> = {};
  for (const [k, v] of outcome.facts) facts[k] = v.value;
  const context = {
    target: c.target,
    targetId: c.targetId,
    pointer: c.pointer,
    actual: first?.actual,
    expected: first?.expected,
    condition: first?.condition,
    missing: outcome.missing,
    param: c.params,
    facts,
    asOf: c.asOf,
  };
  const location = source?.locate(c.pointer) ?? (c.config.file ? { file: c.config.file, line: 1, column: 1 } : undefined);
  return {
    ruleId: d.id,
    pack: d.pack,
    status: outcome.status,
    severity: d.severity,
    scope: d.scope,
    pointer: c.pointer,
    ...(c.targetId !== undefined ? { targetId: c.targetId } : {}),
    ...(location ? { location } : {}),
    message: { fr: renderTemplate(template.fr, context, 'fr'), en: renderTemplate(template.en, context, 'en') },
    evidence,
    ...(outcome.missing.length ? { missing: outcome.missing } : {}),
    legal: d.legal,
    remediation: d.remediation,
  };
}
