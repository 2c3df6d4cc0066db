import { parseArgs, type ParseArgsConfig } from 'node:util';
import { VigieInputError } from '../errors.js';

export function usageError(message: string): VigieInputError {
  return new VigieInputError('usage', [{ code: 'usage', message }]);
}

/** node:util parseArgs, strict, with its errors turned into usage errors (exit code 2). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e));
  }
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usageError(`--${name} "${value}" is not one of: ${allowed.join(', ')}`);
  return value as T;
}

export const list = (value: string | undefined): string[] | undefined =>
  value?.split(',').map((p) => p.trim()).filter(Boolean);
