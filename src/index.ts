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
export { customOperators, type OperatorDefinition } from './engine/operators/index.js';
export { derivations, type Derivation } from './engine/derivations/index.js';
export * from './types.js';
export type { ConditionEngine } from './engine/evaluate-rule.js';
export { ConditionCompileError } from './engine/compile/operators.js';
