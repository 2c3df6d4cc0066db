import type { Finding, FindingStatus, Report, Severity } from '../types.js';

export const STATUSES: FindingStatus[] = ['violation', 'undetermined', 'waived', 'pass', 'not-applicable'];
export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function summarize(findings: Finding[]): Report['summary'] {
  const summary = { violation: 0, pass: 0, undetermined: 0, 'not-applicable': 0, waived: 0, total: findings.length, bySeverity: { error: 0, warning: 0, info: 0 } };
  // Each count by its own name: a count chosen by the status as a key was a lookup per finding.
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    switch (f.status) {
      case 'violation':
        summary.violation++;
        summary.bySeverity[f.severity]++;
        break;
      case 'undetermined':
        summary.undetermined++;
        break;
      case 'pass':
        summary.pass++;
        break;
      case 'not-applicable':
        summary['not-applicable']++;
        break;
      case 'waived':
        summary.waived++;
        break;
    }
  }
  return summary;
}
