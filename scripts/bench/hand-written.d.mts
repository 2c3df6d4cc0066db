// Types of the bench's hand-written loop, for the tests that compare it with the tuned one.
export interface HandRule {
  id: string;
  scope: string;
}
export interface HandRun {
  findings: Array<{ ruleId: string; status: string; pointer: string; targetId: string; message: { fr: string; en: string }; evidence: unknown[] }>;
  pass: number;
  statuses: Record<string, unknown>;
}
export interface HandOutcome {
  ruleId: string;
  pointer: string;
  status: string;
}
export function handWrittenFindings(deployment: Record<string, unknown>, rules: HandRule[], params: Record<string, unknown>, asOf: string): HandRun;
export function handWrittenOutcomes(run: HandRun): HandOutcome[];
