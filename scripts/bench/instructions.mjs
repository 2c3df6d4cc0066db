// Machine instructions one evaluation takes, counted by valgrind (cachegrind, no cache simulation)
// with V8 on one thread: much steadier than CPU times, which move by half on a shared machine (two
// counts of one build made one after the other differ by about 0.2 %; made at different times,
// with other jobs running, they have differed by up to 2.5 %: compare counts made in one go). For comparing two builds of vigie, change
// by change, and the bench's sides with each other (`--side hand`, `tuned` or `naive`: the
// hand-written loop, its tuned version, json-rules-engine once per target and rule). Each count is the difference between a
// process that evaluates 6 times and one that evaluates 2 times (`--times 6,2`), divided by 4: what
// a steady-state evaluation costs, start-up and the first (unoptimized) runs left out. Needs
// valgrind (apt-get install valgrind); about a minute per build at 20,000 cameras, and for the
// naive side about 40 minutes with `--times 2,1`.
//   node scripts/bench/instructions.mjs [--cameras 2000] [--findings problems|all] [--side vigie|hand|tuned|naive] [--profile mixed|compliant] [--times 6,2] [dist directory …]   (default: ./dist)
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { profiles } from './deployment.mjs';

const { values: opts, positionals } = parseArgs({
  options: { cameras: { type: 'string', default: '2000' }, findings: { type: 'string', default: 'problems' }, side: { type: 'string', default: 'vigie' }, times: { type: 'string', default: '6,2' }, profile: { type: 'string', default: 'mixed' } },
  allowPositionals: true,
});
if (!['problems', 'all'].includes(opts.findings)) throw new Error('--findings is problems or all');
if (!['vigie', 'hand', 'tuned', 'naive'].includes(opts.side)) throw new Error('--side is vigie, hand, tuned or naive');
if (!profiles.includes(opts.profile)) throw new Error(`--profile is one of: ${profiles.join(', ')}`);
const [more, fewer] = opts.times.split(',').map(Number);
if (!(more > fewer && fewer >= 1)) throw new Error('--times is two counts of evaluations, the larger first: 6,2');
const what = opts.side === 'vigie' ? opts.findings : opts.side;
const script = new URL('./evaluations.mjs', import.meta.url).pathname;

function instructions(dist, times) {
  const run = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', script, opts.cameras, String(times), what, dist, opts.profile], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.error) throw new Error(`valgrind could not run (${run.error.message}): install it, e.g. apt-get install valgrind`);
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || !refs) throw new Error(`counting failed:\n${run.stderr.slice(-2000)}`);
  return Number(refs[1].replaceAll(',', ''));
}

for (const dist of positionals.length ? positionals : [new URL('../../dist/', import.meta.url).pathname]) {
  const perEvaluation = (instructions(dist, more) - instructions(dist, fewer)) / (more - fewer);
  const side = opts.side === 'vigie' ? `vigie, findings: '${opts.findings}'` : opts.side === 'hand' ? 'the hand-written loop' : opts.side === 'tuned' ? 'the tuned hand-written loop' : 'json-rules-engine, one engine.run per target and rule';
  console.log(`${dist}: ${(perEvaluation / 1e6).toFixed(0)} M instructions per evaluation of ${opts.cameras} cameras${opts.profile === 'mixed' ? '' : `, ${opts.profile} deployment`} (${side})`);
}
