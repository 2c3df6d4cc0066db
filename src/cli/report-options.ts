import type { Lang, Report } from '../types.js';
import { oneOf, list } from './args.js';
import { EXIT } from './exit-codes.js';

/**
 * Options shared by every command that produces a report (check, and later audit): how the law
 * is applied and how the report is written. Declared once so that the commands agree.
 */
export const reportOptionSpecs = {
  format: { type: 'string', default: 'text' },
  'as-of': { type: 'string' },
  pack: { type: 'string' },
  lang: { type: 'string', default: 'fr' },
  verbose: { type: 'boolean', default: false },
} as const;

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  format: ReportFormat;
  asOf?: string;
  packs?: string[];
  lang: Lang;
  verbose: boolean;
}

export const reportOptionsHelp = `  --format text|json     output format (default text)
  --as-of YYYY-MM-DD     apply the law as of this date (default today)
  --pack LIST            rule packs, comma-separated (default fr-law; also cnil-guidance, strict)
  --lang fr|en           language of the text report (default fr)
  --verbose              also list passing findings`;

export function readReportOptions(values: Record<string, string | boolean | undefined>): ReportOptions {
  return {
    format: oneOf('format', values.format as string, REPORT_FORMATS)!,
    asOf: values['as-of'] as string | undefined,
    packs: list(values.pack as string | undefined),
    lang: oneOf('lang', values.lang as string, ['fr', 'en'] as const)!,
    verbose: Boolean(values.verbose),
  };
}

/** The exit code of a report: 1 when a violation of severity error remains. */
export function exitCodeOf(report: Report): number {
  return report.findings.some((f) => f.status === 'violation' && f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
