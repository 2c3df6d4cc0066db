// Fuzzing the command line in-process: any argument list gives exit code 0, 1 or 2 and plain
// messages; never an internal error, never a stack trace.
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';
import { dateArb, weirdString } from './arbitraries.js';
import { fuzz } from './fuzz.js';

const tmp = mkdtempSync(join(tmpdir(), 'vigie-cli-fuzz-'));
const write = (name: string, text: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
mkdirSync(join(tmp, 'dir.yaml'));
// A directory with a link loop and a link to the root, as / itself has (/bin/X11 -> .).
mkdirSync(join(tmp, 'walk'));
symlinkSync('.', join(tmp, 'walk', 'loop'));
symlinkSync('/', join(tmp, 'walk', 'root'));
const FILES = [
  join(ROOT, 'examples/small-town.yaml'),
  join(ROOT, 'examples/small-town-violations.yaml'),
  write('minimal.json', '{"cameras": [{"id": "A", "audio": {"capture": false}}]}'),
  write('broken.yaml', 'cameras:\n  - id: A\n    audio: [capture\n'),
  write('schema.yaml', 'cameras:\n  - id: A\n    audio: { capture: "no" }\n'),
  write('empty.yaml', ''),
  write('latin1.yaml', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a])),
  write('bomb.yaml', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n'),
  join(tmp, 'dir.yaml'),
  join(tmp, 'walk'),
  join(tmp, 'missing.yaml'),
];

/**
 * A generated string that names an existing path (`/`, `.`, `src`…) would make `check` walk the
 * real file system (robust since the walk follows no directory link, but long): it is confined
 * to a missing path of the fixture directory. Walks are tested on a fixture in test/cli.test.ts.
 */
const confined = (s: string) => (!s.startsWith('-') && existsSync(s) ? join(tmp, 'absent', encodeURIComponent(s)) : s);

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('check', 'check', 'help', 'audit', '--help', '-h', '--version', '-v', '--debug', '--verbose', '--format', '--as-of', '--pack', '--lang', '--', '-', '--format=json', '--lang=en', '--pack=fr-law,strict', '--nope', '-x') },
  { weight: 3, arbitrary: fc.constantFrom(...FILES) },
  { weight: 2, arbitrary: fc.constantFrom('text', 'json', 'fr', 'en', 'de', 'fr-law', 'cnil-guidance', 'fr-law,cnil-guidance,strict', ',', '', 'nope-pack') },
  { weight: 1, arbitrary: dateArb },
  { weight: 1, arbitrary: weirdString.map(confined) },
);
const argv = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constant('check'), fc.array(token, { maxLength: 6 })).map(([c, rest]) => [c, ...rest]) },
  { weight: 1, arbitrary: fc.array(token, { maxLength: 6 }) },
);

describe('fuzz: command line', () => {
  it('runCli: exit 0, 1 or 2 with plain messages, whatever the arguments', async () => {
    await fuzz('runCli', argv, async (args) => {
      let out = '';
      let err = '';
      const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: () => 'cameras: []\n', isTTY: false, env: {} });
      if (![0, 1, 2].includes(code)) throw new Error(`exit code ${code}`);
      if (err.includes('internal error')) throw new Error(`internal error: ${err}`);
      if (/\n\s+at .+:\d+:\d+/.test(err + out)) throw new Error('a stack trace was printed');
      if (code === 2 && err === '' && !out.startsWith('vigie ')) throw new Error('exit 2 without a message');
      for (const line of err.split('\n').filter(Boolean)) {
        if (!line.startsWith('vigie: ') && !line.startsWith('Run "vigie')) throw new Error(`unexpected stderr line: ${line}`);
      }
      const json = args.includes('--format=json') || args.some((a, i) => a === '--format' && args[i + 1] === 'json');
      if (json && code !== 2 && args[0] === 'check' && !args.includes('--help') && !args.includes('-h')) JSON.parse(out);
      return code === 2 ? 'rejected' : 'accepted';
    });
  });
});
