// Types of the bench's tuned loop, for the tests that compare it with the hand-written one.
import type { HandOutcome, HandRule, HandRun } from './hand-written.mjs';
export function tunedFindings(deployment: Record<string, unknown>, rules: HandRule[], params: Record<string, unknown>, asOf: string): HandRun;
export function tunedOutcomes(run: HandRun): HandOutcome[];
