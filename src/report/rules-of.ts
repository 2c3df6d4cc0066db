import type { Finding, Report, RuleDefinition } from '../types.js';

/**
 * The definitions of the rules a report speaks of, in rule-id order: those given that belong to
 * the report's packs and are in force on its date (the rules that ran), and for any finding whose rule is not among them, a description built from the finding.
 */
export function rulesOfReport(report: Report, rules: readonly RuleDefinition[] = []): RuleDefinition[] {
  const byId = new Map<string, RuleDefinition>();
  for (const r of rules) {
    const inForce = r.effective.from <= report.asOf && (r.effective.until === undefined || report.asOf <= r.effective.until);
    if (report.packs.includes(r.pack) && inForce) byId.set(r.id, r);
  }
  for (const f of report.findings) if (!byId.has(f.ruleId)) byId.set(f.ruleId, ruleFromFinding(f, rules));
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function ruleFromFinding(f: Finding, rules: readonly RuleDefinition[]): RuleDefinition {
  const known = rules.find((r) => r.id === f.ruleId);
  if (known) return known;
  const title = { fr: f.ruleId, en: f.ruleId };
  return {
    id: f.ruleId,
    pack: f.pack,
    title,
    summary: title,
    severity: f.severity,
    scope: f.scope,
    effective: { from: '0001-01-01' },
    conditions: { all: [] },
    messages: { violation: f.message },
    legal: f.legal,
    remediation: f.remediation,
  };
}

/** The place of a finding for a person: `file:line`, or its JSON Pointer. */
export function whereOf(f: Finding): string {
  if (f.location?.file) return `${f.location.file}:${f.location.line}`;
  return f.pointer || '/';
}
