import type { Finding, FindingStatus, Report, Severity } from '../types.js';

export const STATUSES: FindingStatus[] = ['violation', 'undetermined', 'waived', 'pass', 'not-applicable'];
export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function summarize(findings: Finding[]): Report['summary'] {
  const summary = { violation: 0, pass: 0, undetermined: 0, 'not-applicable': 0, waived: 0, total: findings.length, bySeverity: { error: 0, warning: 0, info: 0 } };
  for (const f of findings) {
    summary[f.status]++;
    if (f.status === 'violation') summary.bySeverity[f.severity]++;
  }
  return summary;
}
