import type { Finding, Report, Severity } from '../types.js';

/** The lowest severity that fails a run, or `never`. Like ESLint's and conftest's exit codes. */
export type FailOn = Severity | 'never';

export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

export interface FailPolicy {
  failOn: FailOn;
  /**
   * Also fail on `undetermined` findings at or above the threshold (by their rule's severity).
   * Off by default: missing data is reported, but it is not a breach of the law.
   */
  failOnUndetermined?: boolean;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

/** Whether a finding counts against the threshold. Waived findings never do. */
export function failsPolicy(f: Finding, policy: FailPolicy): boolean {
  if (!atOrAbove(f.severity, policy.failOn)) return false;
  return f.status === 'violation' || (policy.failOnUndetermined === true && f.status === 'undetermined');
}

/** The findings that make the run fail under a policy (empty: the run passes). */
export function failingFindings(report: Report, policy: FailPolicy): Finding[] {
  return report.findings.filter((f) => failsPolicy(f, policy));
}
