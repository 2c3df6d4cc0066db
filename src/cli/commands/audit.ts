import { DEFAULT_MAX_FINDINGS_PER_RULE } from '../../audit/audit-log.js';
import type { LogFormat } from '../../audit/log-lines.js';
import { loadConfigFile } from '../../node/load.js';
import { auditLogFiles } from '../../node/read-log.js';
import { oneOf, parseCommandArgs, usageError } from '../args.js';
import type { Command } from '../command.js';
import { writeReport } from '../output.js';
import { exitCodeOf, prepareEvaluation, readReportOptions, reportOptionSpecs, reportOptionsHelp } from '../report-options.js';

export const audit: Command = {
  name: 'audit',
  summary: "audit a CSU's access logs (JSON Lines or CSV) against a deployment and the law",
  help: `Usage: vigie audit --config FILE [options] LOG...

Checks what actually happened, from the CSU's access logs, against the deployment file and the
rule packs' log rules: exports without a prior requisition, replays by non-habilitated users,
footage accessed after its retention, municipal users outside their territory, unrecorded
exports. Logs are streamed (any size); a malformed line is reported with its number and skipped.

Log formats: .jsonl or .ndjson (one JSON event per line), .csv (header row of field names, e.g.
time,actor,action,cameras,footage.from,footage.to,requisition.reference,requisition.basis,
requisition.issuer,requisition.received,recipient,motive,judicialHold; lists separated by |).

Options:
  --config FILE          the deployment (YAML or JSON) the logs are audited against (required)
  --log-format jsonl|csv format of every LOG, instead of guessing from the extension
  --max-findings N       findings listed per rule and status (default ${DEFAULT_MAX_FINDINGS_PER_RULE}); all are counted
${reportOptionsHelp}
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...reportOptionSpecs,
      config: { type: 'string' },
      'log-format': { type: 'string' },
      'max-findings': { type: 'string' },
    });
    const options = readReportOptions(values);
    if (values.config === undefined) throw usageError('no deployment given (--config FILE)');
    if (positionals.length === 0) throw usageError('no log file given');
    const format = oneOf<LogFormat>('log-format', values['log-format'] as string | undefined, ['jsonl', 'csv']);
    const max = values['max-findings'] === undefined ? undefined : Number(values['max-findings']);
    if (max !== undefined && !(Number.isInteger(max) && max > 0)) throw usageError(`--max-findings "${String(values['max-findings'])}" is not a positive integer`);

    // The rules (--rules), waivers, parameters and failing threshold apply as in `vigie check`.
    // --only-problems is how an audit lists anyway: `findings` is not an audit option.
    const { ruleSet, evaluateOptions } = prepareEvaluation(options);
    const { findings: _listed, ...law } = evaluateOptions;
    const config = loadConfigFile(values.config as string);
    const report = await auditLogFiles(config, positionals, {
      ...law,
      format,
      maxFindingsPerRule: max,
      // Passing findings are listed only on request: memory then grows with the log.
      keepPasses: options.verbose,
    });
    writeReport(report, options, io, ruleSet);
    return exitCodeOf(report, options);
  },
};
