import type { Finding, SourceLocation } from '../types.js';

/** What every finding of one rule states alike. */
export type RuleParts = Pick<Finding, 'ruleId' | 'pack' | 'severity' | 'scope' | 'legal' | 'remediation'>;

/**
 * The finding as one object literal per set of keys it has, keys in the order reports have always
 * had (JSON output stays byte for byte the same). A literal holds every property in the object
 * itself: one built with its first keys and given the others one by one kept seven of them in a
 * separate array, grown as they came, which a large report's findings kept alive and the garbage
 * collector copied. An absent part is no key at all, not a key holding undefined: `targetId` and
 * `location` when undefined, `missing` when empty. The parts are arguments rather than one object,
 * which each finding would have made for nothing (about 120 bytes).
 */
export function findingObject(
  rule: RuleParts,
  status: Finding['status'],
  pointer: string,
  targetId: string | undefined,
  location: SourceLocation | undefined,
  message: Finding['message'],
  evidence: Finding['evidence'],
  missing: string[],
): Finding {
  const { ruleId, pack, severity, scope, legal, remediation } = rule;
  if (missing.length === 0) {
    if (targetId === undefined) {
      return location === undefined
        ? { ruleId, pack, status, severity, scope, pointer, message, evidence, legal, remediation }
        : { ruleId, pack, status, severity, scope, pointer, location, message, evidence, legal, remediation };
    }
    return location === undefined
      ? { ruleId, pack, status, severity, scope, pointer, targetId, message, evidence, legal, remediation }
      : { ruleId, pack, status, severity, scope, pointer, targetId, location, message, evidence, legal, remediation };
  }
  if (targetId === undefined) {
    return location === undefined
      ? { ruleId, pack, status, severity, scope, pointer, message, evidence, missing, legal, remediation }
      : { ruleId, pack, status, severity, scope, pointer, location, message, evidence, missing, legal, remediation };
  }
  return location === undefined
    ? { ruleId, pack, status, severity, scope, pointer, targetId, message, evidence, missing, legal, remediation }
    : { ruleId, pack, status, severity, scope, pointer, targetId, location, message, evidence, missing, legal, remediation };
}
