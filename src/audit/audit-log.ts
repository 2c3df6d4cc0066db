import { checkedConfigInput, type ConfigInput } from '../config.js';
import { newRun } from '../engine/derivations/list-index.js';
import { VigieInputError } from '../errors.js';
import { evaluateRuleOnTarget, evaluateRuleOnTargetCompiled, type RuleOutcome } from '../engine/evaluate-rule.js';
import { StreamMemory } from '../engine/earlier.js';
import { scopeJudge, type ScopeJudge, type Verdict } from '../engine/scope-judge.js';
import { assembleReport, checkParameterChoices, normalizeAsOf, selectRules, toFinding, type EvaluateOptions } from '../evaluate.js';
import { getAtPointer } from '../parse/pointer.js';
import { checkAuditOptions } from '../options.js';
import { builtinRuleSet } from '../packs/builtin.js';
import { rulesByScope, type LoadedRule, type RuleSet } from '../packs/rule-set.js';
import { resolveParameters } from '../packs/parameters.js';
import { checkWaiverRules } from '../report/load-waivers.js';
import type { Finding, FindingStatus, LogSummary, Report } from '../types.js';
import { checkLogInputs, checkLogItem, checkLogLines } from './log-input.js';
import { LogLineReader, type LogFormat, type LogItem } from './log-lines.js';

/**
 * The verdicts of the streamed rules on each event, from values (engine/scope-judge.ts): the
 * rules of each scope judged together, each event given to every scope with its id. A rule the
 * judge cannot plan (one reading earlier events) always gets `list`, and the full evaluation.
 */
function streamJudge(rules: LoadedRule[], ruleSet: RuleSet, deployment: unknown, params: Record<string, unknown>, asOf: string) {
  const groups = rulesByScope(rules);
  const scopes = [...groups].map(([name, members]) => ({ id: ruleSet.scopes[name]!.id, judge: scopeJudge(members.map((i) => rules[i]!.definition), deployment, params, asOf) }));
  const at: Array<{ judge: ScopeJudge; k: number }> = [];
  [...groups.values()].forEach((members, g) => members.forEach((i, k) => (at[i] = { judge: scopes[g]!.judge, k })));
  return {
    next(event: unknown): void {
      for (const { id, judge } of scopes) {
        const value = id ? getAtPointer(event, id) : undefined;
        judge.next(event, typeof value === 'string' ? value : undefined);
      }
    },
    verdict(i: number): Verdict {
      const { judge, k } = at[i]!;
      return judge.verdict(k);
    },
  };
}

/** The stream name log-event scopes declare (`source: log` in rules/scopes.yaml). */
export const LOG_SOURCE = 'log';

/** One log to audit: its lines, in order, from any source (a file, a socket, an array). */
export interface LogInput {
  /** Named in findings and in the report's `logs`. */
  file?: string;
  /** Default `jsonl`. */
  format?: LogFormat;
  lines: AsyncIterable<LogItem> | Iterable<LogItem>;
}

/** The options of evaluate but `findings`: an audit lists only what does not pass, unless `keepPasses`. */
export interface AuditOptions extends Omit<EvaluateOptions, 'findings'> {
  /** Also list passing and not-applicable findings (memory then grows with the log). Default false. */
  keepPasses?: boolean;
  /** Skipped lines listed per log (all are counted). Default 1,000. */
  maxSkippedLines?: number;
  /** Findings listed per rule and status, other than passes (all are counted in the summary). Default 1,000. */
  maxFindingsPerRule?: number;
}

export const DEFAULT_MAX_SKIPPED_LINES = 1_000;
export const DEFAULT_MAX_FINDINGS_PER_RULE = 1_000;

/**
 * Audits access logs against a deployment: every rule of a scope streamed from `log` is evaluated
 * on every event, with the deployment, the parameters in force and what earlier events left
 * (rules' `earlier` facts) as context. Logs are read as streams, one event at a time, and only
 * findings that do not pass are kept (up to `maxFindingsPerRule` per rule and status), so memory
 * stays flat whatever the log's size; the summary counts every finding, passes included.
 * Logs are read in the order given and share their memory of earlier events (a day's log may
 * answer a requisition received the day before).
 */
export async function auditLogs(config: ConfigInput, logs: LogInput[], options: AuditOptions = {}): Promise<Report> {
  checkAuditOptions(options, 'auditLogs');
  checkLogInputs(logs);
  const asOf = normalizeAsOf(options.asOf);
  const ruleSet = options.ruleSet ?? builtinRuleSet();
  checkParameterChoices(ruleSet, options.parameterChoices ?? {});
  checkWaiverRules(options.waivers ?? [], ruleSet);
  const { packs, rules } = selectRules(ruleSet, options.packs, asOf);
  const streamed = rules.filter((r) => ruleSet.scopes[r.definition.scope]?.source === LOG_SOURCE);
  const params = resolveParameters(ruleSet.parameters, asOf, options.parameterChoices);
  newRun(); // the caller may have changed its deployment since the last evaluation
  const loaded = checkedConfigInput(config);
  const memory = new StreamMemory(streamed.map((r) => r.definition));
  // Outcomes that are only counted are judged from values, as evaluate does with findings: 'problems'.
  const judge = options.engine === 'reference' || options.keepPasses ? undefined : streamJudge(streamed, ruleSet, loaded.data, params.values, asOf);
  const maxSkipped = options.maxSkippedLines ?? DEFAULT_MAX_SKIPPED_LINES;
  const maxPerRule = options.maxFindingsPerRule ?? DEFAULT_MAX_FINDINGS_PER_RULE;

  // Passing and not-applicable outcomes are counted, not listed: their evidence is not built.
  const findings: Finding[] = [];
  const listed = new Map<string, number>();
  const unlisted: Record<FindingStatus, number> = { violation: 0, pass: 0, undetermined: 0, 'not-applicable': 0, waived: 0 };
  const unlistedBySeverity = { error: 0, warning: 0, info: 0 };
  const summaries: LogSummary[] = [];

  for (const log of logs) {
    const format = log.format ?? 'jsonl';
    const summary: LogSummary = { ...(log.file !== undefined ? { file: log.file } : {}), format, lines: 0, blank: 0, header: 0, events: 0, skipped: [], skippedCount: 0, omittedFindings: 0 };
    summaries.push(summary);
    const reader = new LogLineReader(format, (line, problem) => {
      throw new VigieInputError('log', [{ code: 'csv-header', message: problem.message, location: { file: log.file, line, column: problem.column }, expected: problem.expected }]);
    });
    const locateInEvent = (line: number) => ({ ...(log.file !== undefined ? { file: log.file } : {}), line, column: 1 });

    for await (const item of log.lines) {
      summary.lines++;
      checkLogItem(item, summary.lines, log.file);
      const read = reader.read(item);
      if (read.kind === 'blank') summary.blank++;
      else if (read.kind === 'header') summary.header++;
      else if (read.kind === 'skip') {
        summary.skippedCount++;
        if (summary.skipped.length < maxSkipped) summary.skipped.push(read.skipped);
      } else {
        summary.events++;
        const event = read.event;
        judge?.next(event);
        for (let r = 0; r < streamed.length; r++) {
          const verdict = judge?.verdict(r);
          if (verdict === 'pass' || verdict === 'not-applicable') {
            unlisted[verdict]++;
            continue;
          }
          const rule = streamed[r]!;
          const scope = ruleSet.scopes[rule.definition.scope]!;
          const id = scope.id ? getAtPointer(event, scope.id) : undefined;
          const targetId = typeof id === 'string' ? id : undefined;
          // The event's own fields carry a `#` pointer (RFC 6901's fragment form) so that they are
          // told apart from the deployment's fields in evidence; reports show them as plain pointers.
          const facts = { target: event, pointer: '#', targetId, deployment: loaded.data, params: params.values, asOf, memory };
          // Passes that will not be listed are only counted: no evidence is gathered for them.
          const result = options.engine === 'reference' ? await evaluateRuleOnTarget(rule, facts, params.evidence) : evaluateRuleOnTargetCompiled(rule, facts, params.evidence, !options.keepPasses);
          const status = typeof result === 'string' ? result : result.status;
          if ((status === 'pass' || status === 'not-applicable') && !options.keepPasses) {
            unlisted[status]++;
            continue;
          }
          const outcome = result as RuleOutcome;
          const key = `${rule.definition.id}\u0000${outcome.status}`;
          const n = listed.get(key) ?? 0;
          if (n >= maxPerRule && outcome.status !== 'pass' && outcome.status !== 'not-applicable') {
            unlisted[outcome.status]++;
            if (outcome.status === 'violation') unlistedBySeverity[rule.definition.severity]++;
            summary.omittedFindings++;
            continue;
          }
          listed.set(key, n + 1);
          findings.push(
            toFinding(rule, outcome, {
              target: event,
              pointer: '',
              targetId,
              asOf,
              params: params.values,
              location: locateInEvent(item.line),
              locate: (p) => (p.startsWith('#') ? locateInEvent(item.line) : loaded.source?.locate(p)),
              reportPointer: (p) => (p.startsWith('#') ? p.slice(1) : p),
            }),
          );
        }
        memory.remember(event);
      }
    }
  }

  const report = assembleReport(findings, { asOf, packs, inputs: [loaded.file, ...summaries.map((s) => s.file)].filter((f): f is string => f !== undefined), waivers: options.waivers ?? [] });
  const s = report.summary;
  for (const status of Object.keys(unlisted) as FindingStatus[]) {
    s[status] += unlisted[status];
    s.total += unlisted[status];
  }
  for (const sev of Object.keys(unlistedBySeverity) as Array<keyof typeof unlistedBySeverity>) s.bySeverity[sev] += unlistedBySeverity[sev];
  report.logs = summaries;
  return report;
}

/** Audits one log: see auditLogs. `lines` may be `{ line, text }` (JSON Lines or CSV text) or `{ line, event }`. */
export async function auditLog(config: ConfigInput, lines: LogInput['lines'], options: AuditOptions & { file?: string; format?: LogFormat } = {}): Promise<Report> {
  checkAuditOptions(options, 'auditLog');
  checkLogLines(lines, 'lines');
  const { file, format, ...rest } = options;
  return auditLogs(config, [{ file, format, lines }], rest);
}
