import { readFileSync } from 'node:fs';
import { runCli } from './main.js';

/**
 * A reader that goes away (`vigie check … | head`) makes the next write fail with EPIPE, emitted
 * as an 'error' event that would otherwise end the process with a stack trace. Output nobody
 * reads is dropped, quietly; the run finishes and exits with its own code.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}

const code = await runCli(process.argv.slice(2), {
  stdout: quietWhenClosed(process.stdout),
  stderr: quietWhenClosed(process.stderr),
  readStdin: () => readFileSync(0, 'utf8'),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;
