import { VigieInputError, type InputIssue } from './errors.js';
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

/** Parses and validates deployment text (YAML or JSON); throws VigieInputError with located issues. */
export function parseConfig(text: string, options: Omit<ParseOptions, 'kind'> = {}): LoadedConfig {
  const source = parseSource(text, { ...options, kind: 'config' });
  return checkedConfig(source.data, source);
}

/** Validates an already-parsed deployment (from an object, or a ParsedSource). */
export function checkedConfig(data: unknown, source?: ParsedSource): LoadedConfig {
  const issues = validateConfig(data, source);
  if (issues.length > 0) throw new VigieInputError('config', issues);
  return { data: data as Deployment, file: source?.file, source };
}
