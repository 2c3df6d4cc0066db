/** Where something stands in a source file. Lines and columns count from 1. */
export interface SourceLocation {
  file?: string;
  line: number;
  column: number;
}

/** One problem found in an input: a config, a rule pack, a waivers file, a log, or the command line. */
export interface InputIssue {
  /** Stable machine-readable code, e.g. `syntax`, `schema`, `duplicate-id`. */
  code: string;
  /** Plain-language message (English). */
  message: string;
  /** JSON Pointer of the offending value, when there is one. */
  pointer?: string;
  location?: SourceLocation;
  /** What was expected there, when it can be said. */
  expected?: string;
}

export type InputKind = 'config' | 'rules' | 'waivers' | 'log' | 'usage';

/** Thrown when an input cannot be used. Evaluation never starts on such an input. */
export class VigieInputError extends Error {
  readonly kind: InputKind;
  readonly issues: InputIssue[];

  constructor(kind: InputKind, issues: InputIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'VigieInputError';
    this.kind = kind;
    this.issues = issues;
  }
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  return `${location.file ?? '<input>'}:${location.line}:${location.column}`;
}

/** `file:line:column: message (at /pointer) — expected …`, the one-line form used by the CLI. */
export function formatIssue(issue: InputIssue): string {
  const where = formatLocation(issue.location);
  const at = issue.pointer !== undefined && issue.pointer !== '' ? ` (at ${issue.pointer})` : '';
  const expected = issue.expected ? `; expected ${issue.expected}` : '';
  return `${where ? where + ': ' : ''}${issue.message}${at}${expected}`;
}
