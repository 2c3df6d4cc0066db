// Types of expected-report.mjs, for the tests that import it.
import type { Report, Finding } from '../../src/types.js';

export interface ExpectedFinding {
  ruleId: string;
  status: Finding['status'];
  pointer: string;
  targetId?: string;
  line?: number;
  message: string;
  missing?: string[];
}

export interface ExpectedReport {
  asOf: string;
  packs: string[];
  inputs: string[];
  summary: Report['summary'];
  findings: ExpectedFinding[];
}

export function expectedReport(report: Report): ExpectedReport;
export function formatExpectedReport(projection: ExpectedReport): string;
