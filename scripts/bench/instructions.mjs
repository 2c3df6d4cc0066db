// Machine instructions one evaluation takes, counted by valgrind (cachegrind, no cache simulation)
// with V8 on one thread: the same on a busy machine as on a quiet one (two counts of one build
// differ by about 0.2 %), where CPU times move by half. For comparing two builds of vigie, change
// by change. Each count is the difference between a process that evaluates 6 times and one that
// evaluates 2 times, divided by 4: what a steady-state evaluation costs, start-up and the first
// (unoptimized) runs left out. Needs valgrind (apt-get install valgrind); about a minute per build.
//   node scripts/bench/instructions.mjs [--cameras 2000] [--findings problems|all] [dist directory …]   (default: ./dist)
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = parseArgs({ options: { cameras: { type: 'string', default: '2000' }, findings: { type: 'string', default: 'problems' } }, allowPositionals: true });
if (!['problems', 'all'].includes(opts.findings)) throw new Error('--findings is problems or all');
const script = new URL('./evaluations.mjs', import.meta.url).pathname;

function instructions(dist, times) {
  const run = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', script, opts.cameras, String(times), opts.findings, dist], { encoding: 'utf8' });
  if (run.error) throw new Error(`valgrind could not run (${run.error.message}): install it, e.g. apt-get install valgrind`);
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || !refs) throw new Error(`counting failed:\n${run.stderr.slice(-2000)}`);
  return Number(refs[1].replaceAll(',', ''));
}

for (const dist of positionals.length ? positionals : [new URL('../../dist/', import.meta.url).pathname]) {
  const perEvaluation = (instructions(dist, 6) - instructions(dist, 2)) / 4;
  console.log(`${dist}: ${(perEvaluation / 1e6).toFixed(0)} M instructions per evaluation of ${opts.cameras} cameras (findings: '${opts.findings}')`);
}
