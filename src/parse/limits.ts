import type { InputIssue, SourceLocation } from '../errors.js';

/** Limits that keep a hostile document from exhausting memory or the stack (see docs/security.md). */
export interface ParseLimits {
  /** Most alias expansions a YAML document may make (alias bombs). */
  maxAliasCount: number;
  /**
   * Deepest nesting of mappings and sequences. A deployment nests about 6 levels and a rule's
   * conditions rarely 10; the limit keeps every later recursive step (schema validation, condition
   * evaluation) far from the stack's end.
   */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliasCount: 100, maxDepth: 100 };

/** The issue of a document nested deeper than the limit. */
export function tooDeep(maxDepth: number, location: SourceLocation): InputIssue {
  return {
    code: 'nesting-limit',
    message: `the document nests mappings or sequences more than ${maxDepth} levels deep`,
    location,
    expected: `at most ${maxDepth} levels of nesting`,
  };
}
