/** What a command reads and writes: injected so tests run the CLI in-process too. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whole standard input, for `-` as a file name. */
  readStdin: () => string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/** A subcommand of `vigie`. Each lives in its own module under commands/. */
export interface Command {
  name: string;
  /** One line for the general help. */
  summary: string;
  /** Full help of the command. */
  help: string;
  /** Runs with the arguments after the command name; returns the exit code or throws VigieInputError. */
  run(args: string[], io: CliIO): Promise<number>;
}
