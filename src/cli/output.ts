import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '../packs/rule-set.js';
import { REPORT_FILE_NAMES, formatReportChunks, type ReportFormat } from '../report/formats.js';
import { VigieInputError, formatLocation } from '../errors.js';
import type { Report } from '../types.js';
import type { CliIO } from './command.js';
import type { ReportOptions } from './report-options.js';

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org), unless forced. */
export function useColor(options: Pick<ReportOptions, 'color'>, io: CliIO, toTerminal: boolean): boolean {
  if (options.color !== undefined) return options.color;
  return toTerminal && io.isTTY && !io.env.NO_COLOR;
}

/**
 * Writes a report in the chosen formats: to standard output, to --output FILE, or one file per
 * format in --output-dir. Every report-producing command goes through here.
 */
export function writeReport(report: Report, options: ReportOptions, io: CliIO, ruleSet?: RuleSet): void {
  // Written piece by piece: the JSON of a large full report does not fit in one string.
  const render = (format: ReportFormat, toTerminal: boolean) =>
    formatReportChunks(report, format, {
      lang: options.lang,
      rules: ruleSet?.rules.map((r) => r.definition),
      verbose: options.verbose,
      color: format === 'text' && useColor(options, io, toTerminal),
      undeterminedAs: options.failOnUndetermined ? 'failure' : 'skipped',
    });
  if (options.outputDir !== undefined) {
    const dir = options.outputDir;
    writeOrFail(dir, () => mkdirSync(dir, { recursive: true }));
    for (const format of options.formats) {
      const file = join(dir, REPORT_FILE_NAMES[format]);
      writeOrFail(file, () => writeChunks(file, render(format, false)));
    }
  } else if (options.output !== undefined) {
    const file = options.output;
    writeOrFail(file, () => writeChunks(file, render(options.formats[0]!, false)));
  } else {
    for (const chunk of render(options.formats[0]!, true)) io.stdout(chunk);
  }
  // Expired and unused waivers are in every format; when no text report reaches the terminal,
  // say so on stderr too, so that a CI log shows them.
  if (options.formats[0] !== 'text' || options.output !== undefined || options.outputDir !== undefined) {
    for (const w of report.waivers.filter((x) => x.status !== 'applied')) {
      const at = w.waiver.location ? `${formatLocation(w.waiver.location)}: ` : '';
      io.stderr(`vigie: warning: ${at}${w.status} waiver for ${w.waiver.rule} ${w.waiver.target}${w.status === 'expired' ? ` (expired on ${w.waiver.expires})` : ' (matches no finding)'}\n`);
    }
  }
}

function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/** A report that cannot be written is a usage problem (exit 2), not an internal error. */
function writeOrFail(path: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new VigieInputError('usage', [{ code: 'io', message: `cannot write the report to ${path} (${code})` }]);
  }
}
