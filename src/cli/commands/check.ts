import { evaluateMany } from '../../evaluate.js';
import { parseCommandArgs, usageError } from '../args.js';
import type { Command } from '../command.js';
import { loadDeployments } from '../inputs.js';
import { writeReport } from '../output.js';
import { exitCodeOf, prepareEvaluation, readReportOptions, reportOptionSpecs, reportOptionsHelp } from '../report-options.js';

export const check: Command = {
  name: 'check',
  summary: 'evaluate deployment files (YAML or JSON) against the rule packs',
  help: `Usage: vigie check [options] PATH...

Evaluates deployments against the rule packs and writes one report for all of them. A PATH is a
file, a directory (every .yaml, .yml and .json file under it, recursively, in sorted order), or
"-" for standard input. In a directory, a file that is not a valid deployment and states none of
a deployment's sections (cameras, recording…), such as a CI configuration or a report, is skipped
with a note on standard error; any other invalid file is an error.

${reportOptionsHelp}

Exit codes:
  0  nothing at or above the --fail-on threshold (waived findings never count)
  1  at least one finding at or above it
  2  invalid input, invalid rule pack or waivers file, or usage error
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...reportOptionSpecs });
    const options = readReportOptions(values);
    if (positionals.length === 0) throw usageError('no deployment file given');
    const { ruleSet, evaluateOptions } = prepareEvaluation(options);
    const configs = loadDeployments(positionals, io);
    const report = await evaluateMany(configs, evaluateOptions);
    writeReport(report, options, io, ruleSet);
    return exitCodeOf(report, options);
  },
};
