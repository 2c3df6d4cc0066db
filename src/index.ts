/**
 * vigie: French video-protection law as declarative, cited rules, and the evaluation of a CSU's
 * deployment against them. This entry point has no Node.js dependency: it runs in a browser.
 */
export { evaluate, evaluateMany, type ConfigInput, type EvaluateOptions } from './evaluate.js';
export { parseConfig, validateConfig, checkedConfig, type LoadedConfig } from './config.js';
export { parseSource, type ParsedSource, type ParseOptions, type ParseLimits, DEFAULT_PARSE_LIMITS } from './parse/source.js';
export { getAtPointer, joinPointer, parsePointer } from './parse/pointer.js';
export { VigieInputError, formatIssue, formatLocation } from './errors.js';
export { loadRuleSet } from './packs/load.js';
export { builtinRuleSet, builtinFiles } from './packs/builtin.js';
export { resolveParameters, type ResolvedParameters } from './packs/parameters.js';
export type { PackFile } from './packs/files.js';
export type { RuleSet, LoadedRule } from './packs/rule-set.js';
export { deploymentSchema } from './schema/deployment-schema.js';
export { ruleSchema, parameterSchema, packSchema, scopesSchema } from './schema/rule-schema.js';
export { formatText, type TextFormatOptions } from './report/format-text.js';
export { formatValue, operatorSymbol } from './engine/template.js';
export { formatJson } from './report/format-json.js';
export { formatSarif, toSarif, SARIF_SCHEMA_URI, type SarifFormatOptions } from './report/format-sarif.js';
export { formatJunit, type JunitFormatOptions } from './report/format-junit.js';
export { formatMarkdown, type MarkdownFormatOptions } from './report/format-markdown.js';
export { formatReport, formatReportChunks, REPORT_FORMATS, REPORT_FILE_NAMES, type ReportFormat, type FormatOptions } from './report/formats.js';
export { failingFindings, failsPolicy, FAIL_ON_LEVELS, type FailOn, type FailPolicy } from './report/threshold.js';
export { parseWaivers, checkWaiverRules } from './report/load-waivers.js';
export { applyWaivers } from './report/waivers.js';
export { waiversSchema } from './schema/waivers-schema.js';
export { parameterOverrideSchema } from './schema/rule-schema.js';
export { runRuleExamples, judgeExample, expectedOutcome, type ExampleCase, type ExampleRunOptions } from './packs/examples.js';
export type { ParameterOverride } from './packs/overrides.js';
export { customOperators, type OperatorDefinition } from './engine/operators/index.js';
export { derivations, type Derivation } from './engine/derivations/index.js';
export { auditLog, auditLogs, LOG_SOURCE, DEFAULT_MAX_FINDINGS_PER_RULE, DEFAULT_MAX_SKIPPED_LINES, type AuditOptions, type LogInput } from './audit/audit-log.js';
export { logFormatFromName, type LogFormat, type LogLine, type ParsedLogLine, type UnreadableLogLine, type LogItem } from './audit/log-lines.js';
export { csvColumns, CSV_LIST_SEPARATOR } from './audit/csv.js';
export { logEventSchema, LOG_ACTIONS, type LogEvent, type LogAction } from './schema/log-event-schema.js';
export * from './types.js';
export * from './import/index.js';
export { requisitionDeadlines, MONTH_COUNTING_PARAMETER, type DeadlineOptions, type DeadlineReport, type CameraDeadline } from './audit/deadline.js';
export type { ConditionEngine } from './engine/evaluate-rule.js';
export { ConditionCompileError } from './engine/compile/operators.js';
