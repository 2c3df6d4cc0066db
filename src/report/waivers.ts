import type { Finding, Waiver, WaiverApplied, WaiverStatus } from '../types.js';

function matches(w: Waiver, f: Finding): boolean {
  if (w.rule !== f.ruleId) return false;
  if (w.file !== undefined && w.file !== f.location?.file) return false;
  return w.target === f.pointer || (f.targetId !== undefined && w.target === f.targetId);
}

const applied = (w: Waiver): WaiverApplied => ({ justification: w.justification, approvedBy: w.approvedBy, expires: w.expires });

/**
 * Marks as `waived` the violations and undetermined findings a waiver in force covers. An expired
 * waiver waives nothing: the finding keeps its status and names the expired waiver, and the waiver
 * is reported as expired; one that matched nothing, as unused. A waiver is in force until the end
 * of its `expires` day.
 */
export function applyWaivers(findings: Finding[], waivers: Waiver[], asOf: string): { findings: Finding[]; statuses: WaiverStatus[] } {
  if (waivers.length === 0) return { findings: findings.slice(), statuses: [] };
  const statuses: WaiverStatus[] = waivers.map((waiver) => ({ waiver, status: 'unused', matched: 0 }));
  const out = findings.map((f) => {
    if (f.status !== 'violation' && f.status !== 'undetermined') return f;
    let result = f;
    statuses.forEach((s) => {
      if (!matches(s.waiver, f)) return;
      s.matched++;
      const expired = s.waiver.expires < asOf;
      s.status = expired ? (s.status === 'applied' ? 'applied' : 'expired') : 'applied';
      if (!expired && result.status !== 'waived') {
        const { expiredWaiver: _, ...rest } = result;
        result = { ...rest, status: 'waived', waiver: applied(s.waiver) };
      } else if (expired && result.status !== 'waived' && !result.expiredWaiver) {
        result = { ...result, expiredWaiver: applied(s.waiver) };
      }
    });
    return result;
  });
  return { findings: out, statuses };
}
