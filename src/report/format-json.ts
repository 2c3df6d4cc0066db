import type { Report } from '../types.js';

/** The report exactly as the library returns it, indented. */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
