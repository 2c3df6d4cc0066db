import type { Lang, Report } from '../types.js';
import { oneOf, list, usageError } from './args.js';
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
  parameter: { type: 'string', multiple: true },
} as const;

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  format: ReportFormat;
  asOf?: string;
  packs?: string[];
  lang: Lang;
  verbose: boolean;
  /** Alternative values chosen for dated parameters, by parameter id. */
  parameterChoices: Record<string, string>;
}

export const reportOptionsHelp = `  --format text|json     output format (default text)
  --as-of YYYY-MM-DD     apply the law as of this date (default today)
  --pack LIST            rule packs, comma-separated (default fr-law; also cnil-guidance, strict)
  --lang fr|en           language of the text report (default fr)
  --verbose              also list passing findings
  --parameter ID=ALT     use an alternative value of a legal parameter, repeatable
                         (e.g. algorithmic-detection-end=jo-2030-extension)`;

/** `--parameter id=alternative`, repeatable, as parameterChoices. */
function parameterChoices(values: string[] | undefined): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const v of values ?? []) {
    const m = /^([a-z][a-z0-9-]*)=([a-z][a-z0-9-]*)$/.exec(v.trim());
    if (!m) throw usageError(`--parameter "${v}" is not of the form PARAMETER-ID=ALTERNATIVE-ID`);
    choices[m[1]!] = m[2]!;
  }
  return choices;
}

export function readReportOptions(values: Record<string, string | boolean | string[] | undefined>): ReportOptions {
  return {
    format: oneOf('format', values.format as string, REPORT_FORMATS)!,
    asOf: values['as-of'] as string | undefined,
    packs: list(values.pack as string | undefined),
    lang: oneOf('lang', values.lang as string, ['fr', 'en'] as const)!,
    verbose: Boolean(values.verbose),
    parameterChoices: parameterChoices(values.parameter as string[] | undefined),
  };
}

/** The exit code of a report: 1 when a violation of severity error remains. */
export function exitCodeOf(report: Report): number {
  return report.findings.some((f) => f.status === 'violation' && f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
