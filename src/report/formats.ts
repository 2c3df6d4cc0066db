import type { Lang, Report, RuleDefinition } from '../types.js';
import { formatJson, formatJsonChunks } from './format-json.js';
import { formatJunit, formatJunitChunks } from './format-junit.js';
import { formatMarkdown } from './format-markdown.js';
import { formatSarif } from './format-sarif.js';
import { formatText, formatTextChunks } from './format-text.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What every formatter may use; each takes what it needs. */
export interface FormatOptions {
  lang?: Lang;
  rules?: readonly RuleDefinition[];
  color?: boolean;
  verbose?: boolean;
  undeterminedAs?: 'skipped' | 'failure';
}

/** A report in one of vigie's formats. Pure: no file system, runs in browsers too. */
export function formatReport(report: Report, format: ReportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options);
    case 'junit':
      return formatJunit(report, options);
    case 'markdown':
      return formatMarkdown(report, options);
  }
}

/**
 * formatReport's text in pieces that join to exactly that text: JSON, JUnit and text (which lists
 * every finding with --verbose) a thousand findings at a time, since the JSON of a full report of
 * 100,000 cameras is more text than one string can hold; Markdown and SARIF, which list problems
 * only, whole.
 */
export function formatReportChunks(report: Report, format: ReportFormat, options: FormatOptions = {}): Iterable<string> {
  if (format === 'json') return formatJsonChunks(report);
  if (format === 'junit') return formatJunitChunks(report, options);
  if (format === 'text') return formatTextChunks(report, options);
  return [formatReport(report, format, options)];
}

/** The file name a format is written to with --output-dir. */
export const REPORT_FILE_NAMES: Record<ReportFormat, string> = {
  text: 'vigie.txt',
  json: 'vigie.json',
  sarif: 'vigie.sarif',
  junit: 'vigie-junit.xml',
  markdown: 'vigie.md',
};
