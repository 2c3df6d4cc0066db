import { VigieInputError, type InputIssue } from './errors.js';
import { deepFreeze } from './parse/freeze.js';
import { parseSource, type ParseOptions, type ParsedSource } from './parse/source.js';
import { deploymentSchema } from './schema/deployment-schema.js';
import { deploymentIntegrity } from './schema/deployment-integrity.js';
import { checkIntegrity } from './schema/integrity.js';
import { validateAgainst } from './schema/validate.js';
import type { Deployment } from './types.js';

/** A deployment that passed validation, with where it came from. */
export interface LoadedConfig {
  data: Deployment;
  file?: string;
  source?: ParsedSource;
}

/** Every problem with a deployment: schema first, then ids and references. Empty when valid. */
export function validateConfig(data: unknown, source?: ParsedSource): InputIssue[] {
  const issues = validateAgainst(deploymentSchema, data, source);
  if (issues.length > 0) return issues;
  return checkIntegrity(data, deploymentIntegrity, source);
}

/**
 * Deployments parseConfig made from text, validated and then deep-frozen: they cannot have changed
 * since, so evaluate need not validate them again. Held weakly: the set keeps nothing alive.
 */
const frozenValid = new WeakSet<object>();

/** Whether `data` is a deployment parseConfig returned (valid, and frozen so that it stayed so). */
export function isFrozenValid(data: unknown): boolean {
  // Frozen by parseConfig when it was added; checked again because a skipped validation must be safe.
  return typeof data === 'object' && data !== null && frozenValid.has(data) && Object.isFrozen(data);
}

/**
 * Parses and validates deployment text (YAML or JSON); throws VigieInputError with located issues.
 * The data returned is deep-frozen: it is vigie's own copy, made from the text, and freezing it
 * lets evaluate trust it without validating it again. Change a copy (`structuredClone`) instead.
 */
export function parseConfig(text: string, options: Omit<ParseOptions, 'kind'> = {}): LoadedConfig {
  const source = parseSource(text, { ...options, kind: 'config' });
  const config = checkedConfig(source.data, source);
  frozenValid.add(deepFreeze(config.data));
  return config;
}

/**
 * Validates an already-parsed deployment (from an object, or a ParsedSource). The caller's object
 * is neither copied nor frozen: evaluate validates it again, since the caller may change it.
 */
export function checkedConfig(data: unknown, source?: ParsedSource): LoadedConfig {
  const issues = validateConfig(data, source);
  if (issues.length > 0) throw new VigieInputError('config', issues);
  return { data: data as Deployment, file: source?.file, source };
}

/** What evaluate and the audit functions take: a deployment object, or one parseConfig or checkedConfig returned. */
export type ConfigInput = Deployment | LoadedConfig;

function isLoaded(input: ConfigInput): input is LoadedConfig {
  // A deployment has no `data` key (its schema is closed), so this cannot mistake one for the other.
  return typeof input === 'object' && input !== null && 'data' in input && typeof input.data === 'object' && input.data !== null && !Array.isArray(input.data);
}

/**
 * The validated deployment of an input. Validated again, since the caller may have changed it
 * after validation; except the data parseConfig returned, which is frozen and so cannot have changed.
 */
export function checkedConfigInput(input: ConfigInput): LoadedConfig {
  if (!isLoaded(input)) return isFrozenValid(input) ? { data: input, file: undefined, source: undefined } : checkedConfig(input);
  if (isFrozenValid(input.data)) return { data: input.data, file: input.file ?? input.source?.file, source: input.source };
  const checked = checkedConfig(input.data, input.source);
  return { ...checked, file: input.file ?? checked.file };
}
