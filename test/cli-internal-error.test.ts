// An internal error (a bug, not bad input) is reported without a stack trace unless --debug.
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/main.js';

vi.mock('../src/evaluate.js', async (original) => ({
  ...(await original<typeof import('../src/evaluate.js')>()),
  evaluateMany: () => {
    throw new Error('simulated bug\nsecond line');
  },
}));

async function run(args: string[]) {
  let err = '';
  const code = await runCli(args, { stdout: () => {}, stderr: (s) => (err += s), readStdin: () => '', isTTY: false, env: {} });
  return { code, err };
}

describe('internal errors', () => {
  it('say so in one line, exit 2, and print no stack trace without --debug', async () => {
    const { code, err } = await run(['check', 'examples/small-town.yaml']);
    expect(code).toBe(2);
    expect(err).toBe('vigie: internal error: simulated bug second line\nRun again with --debug for details, and please report it.\n');
  });

  it('print the stack trace with --debug', async () => {
    const { code, err } = await run(['check', '--debug', 'examples/small-town.yaml']);
    expect(code).toBe(2);
    expect(err).toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
