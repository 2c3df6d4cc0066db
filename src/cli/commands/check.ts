import { VigieInputError, type InputIssue } from '../../errors.js';
import { evaluateMany } from '../../evaluate.js';
import type { LoadedConfig } from '../../config.js';
import { loadConfigFile } from '../../node/load.js';
import { parseCommandArgs, usageError } from '../args.js';
import type { Command } from '../command.js';
import { writeReport } from '../output.js';
import { exitCodeOf, readReportOptions, reportOptionSpecs, reportOptionsHelp } from '../report-options.js';

export const check: Command = {
  name: 'check',
  summary: 'evaluate deployment files (YAML or JSON) against the rule packs',
  help: `Usage: vigie check [options] FILE...

Evaluates each deployment file against the rule packs and prints one report.

Options:
${reportOptionsHelp}
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...reportOptionSpecs });
    const options = readReportOptions(values);
    if (positionals.length === 0) throw usageError('no deployment file given');

    const configs: LoadedConfig[] = [];
    const issues: InputIssue[] = [];
    for (const file of positionals) {
      try {
        configs.push(loadConfigFile(file));
      } catch (e) {
        if (e instanceof VigieInputError) issues.push(...e.issues);
        else throw e;
      }
    }
    if (issues.length) throw new VigieInputError('config', issues);

    const report = await evaluateMany(configs, { asOf: options.asOf, packs: options.packs, parameterChoices: options.parameterChoices });
    writeReport(report, options, io);
    return exitCodeOf(report);
  },
};
