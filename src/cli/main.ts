import { version } from '../../package.json';
import { VigieInputError, formatIssue } from '../errors.js';
import type { CliIO } from './command.js';
import { commands } from './commands/index.js';
import { usageError } from './args.js';
import { EXIT } from './exit-codes.js';
import { oneLine } from './one-line.js';

export type { CliIO } from './command.js';
export { oneLine } from './one-line.js';

function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `vigie ${version}: checks video-protection deployments against French law.

Usage: vigie COMMAND [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "vigie COMMAND --help" for a command's options. --debug prints stack traces of internal errors.

Exit codes: 0 nothing at or above the failure threshold, 1 findings at or above it,
2 invalid input, invalid rule pack or usage error.
`;
}

/** Runs the CLI; returns the exit code. Never throws, never prints a stack trace without --debug. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  try {
    const [first, ...rest] = args;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.stdout(generalHelp());
      return first === undefined ? EXIT.invalid : EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${version}\n`);
      return EXIT.ok;
    }
    const command = commands.find((c) => c.name === first);
    if (!command) throw usageError(`unknown command "${first}" (expected one of: ${commands.map((c) => c.name).join(', ')})`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof VigieInputError) {
      for (const issue of e.issues) io.stderr(`vigie: ${oneLine(formatIssue(issue))}\n`);
      if (e.kind === 'usage') io.stderr(`Run "vigie --help" for usage.\n`);
      return EXIT.invalid;
    }
    io.stderr(`vigie: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    else io.stderr('Run again with --debug for details, and please report it.\n');
    return EXIT.invalid;
  }
}
