import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { VigieInputError, formatIssue } from '../errors.js';
import { evaluateMany } from '../evaluate.js';
import { loadConfigFile } from '../node/load.js';
import { formatText } from '../report/format-text.js';
import type { Lang, LoadedConfig, Report } from '../index.js';
import { EXIT } from './exit-codes.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

const HELP = `vigie ${version}: checks a video-protection deployment against French law.

Usage:
  vigie check [options] FILE...    evaluate deployment files (YAML or JSON)

Options:
  --format text|json     output format (default text)
  --as-of YYYY-MM-DD     apply the law as of this date (default today)
  --pack LIST            rule packs, comma-separated (default fr-law)
  --lang fr|en           language of the text report (default fr)
  --verbose              also list passing findings
  --debug                print stack traces of internal errors
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 no violation of severity error, 1 at least one, 2 invalid input or usage.
`;

function usageError(message: string): VigieInputError {
  return new VigieInputError('usage', [{ code: 'usage', message }]);
}

/** Runs the CLI on arguments; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof VigieInputError) {
      for (const issue of e.issues) io.stderr(`vigie: ${formatIssue(issue)}\n`);
      if (e.kind === 'usage') io.stderr(`Run "vigie --help" for usage.\n`);
      return EXIT.invalid;
    }
    io.stderr(`vigie: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    else io.stderr('Run again with --debug for details, and please report it.\n');
    return EXIT.invalid;
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        'as-of': { type: 'string' },
        pack: { type: 'string' },
        lang: { type: 'string', default: 'fr' },
        verbose: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  const [command, ...files] = positionals;
  if (command !== 'check') throw usageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  if (files.length === 0) throw usageError('no deployment file given');
  if (values.format !== 'text' && values.format !== 'json') throw usageError(`unknown format "${values.format}" (expected text or json)`);
  if (values.lang !== 'fr' && values.lang !== 'en') throw usageError(`unknown language "${values.lang}" (expected fr or en)`);

  const configs: LoadedConfig[] = [];
  const issues = [];
  for (const file of files) {
    try {
      configs.push(loadConfigFile(file));
    } catch (e) {
      if (e instanceof VigieInputError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new VigieInputError('config', issues);

  const report = await evaluateMany(configs, {
    asOf: values['as-of'],
    packs: values.pack?.split(',').map((p) => p.trim()).filter(Boolean),
  });
  if (values.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(formatText(report, { lang: values.lang as Lang, verbose: values.verbose, color: io.isTTY && !io.env.NO_COLOR }));
  return failed(report) ? EXIT.findings : EXIT.ok;
}

const failed = (report: Report) => report.findings.some((f) => f.status === 'violation' && f.severity === 'error');
