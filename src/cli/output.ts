import { formatText } from '../report/format-text.js';
import type { Report } from '../types.js';
import type { CliIO } from './command.js';
import type { ReportOptions } from './report-options.js';

/** Writes a report in the chosen format. Every report-producing command goes through here. */
export function writeReport(report: Report, options: ReportOptions, io: CliIO): void {
  if (options.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(formatText(report, { lang: options.lang, verbose: options.verbose, color: io.isTTY && !io.env.NO_COLOR }));
}
