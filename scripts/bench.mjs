// npm run bench: vigie's evaluate against json-rules-engine called once per camera (naive, two ways)
// and two hand-written loops (idiomatic and tuned), on seeded synthetic deployments. Runs the built
// package (dist/).
// Usage: node --expose-gc scripts/bench.mjs [--sizes 1000,5000,10000,100000] [--reps 5] [--naive-reps 3] [--profile mixed|compliant]
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinRuleSet, checkedConfig, evaluate, parseConfig, resolveParameters } from '../dist/index.js';
import { profiles, syntheticDeployment } from './bench/deployment.mjs';
import { handWrittenFindings, handWrittenOutcomes } from './bench/hand-written.mjs';
import { tunedFindings, tunedOutcomes } from './bench/hand-tuned.mjs';
import { naiveFindings, naivePerTargetFindings } from './bench/naive.mjs';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000,100000' },
    reps: { type: 'string', default: '5' },
    'naive-reps': { type: 'string', default: '3' },
    'naive-max': { type: 'string', default: '100000' },
    // Largest size measured in fresh processes too (first evaluation, whole `vigie check` command).
    'first-run-max': { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    // The synthetic deployment's profile (scripts/bench/deployment.mjs): mixed, or compliant (nothing to list).
    profile: { type: 'string', default: 'mixed' },
    // Sizes of the access-log audit rows (scripts/bench-audit.mjs, run in a child process); empty to skip.
    'audit-events': { type: 'string', default: '100000,1000000' },
    // cpu: user+system CPU time of this process, steady when other jobs share the machine; wall: elapsed time.
    clock: { type: 'string', default: 'cpu' },
  },
});
if (!['cpu', 'wall'].includes(opts.clock)) throw new Error('--clock is cpu or wall');
if (!profiles.includes(opts.profile)) throw new Error(`--profile is one of: ${profiles.join(', ')}`);
const sizes = opts.sizes.split(',').map(Number);
const reps = Number(opts.reps);
const naiveReps = Number(opts['naive-reps']);
const naiveMax = Number(opts['naive-max']);
const firstRunMax = Number(opts['first-run-max']);
const seed = Number(opts.seed);

const AS_OF = '2026-01-15';
const PACK = 'fr-law';
const ruleSet = builtinRuleSet();
// Every rule of the pack on the deployment's own collections (the log-event rules audit a stream: see the audit rows).
const SCOPES = ['camera', 'authorization', 'user', 'deployment'];
const inForce = (r) => r.definition.effective.from <= AS_OF && (r.definition.effective.until === undefined || AS_OF <= r.definition.effective.until);
const rules = ruleSet.rules.filter((r) => r.definition.pack === PACK && SCOPES.includes(r.definition.scope) && inForce(r));
const ruleIds = rules.map((r) => r.definition.id).sort();
const handRules = rules.map((r) => ({ id: r.definition.id, scope: r.definition.scope }));
const params = resolveParameters(ruleSet.parameters, AS_OF).values;
const otherScopes = ruleSet.rules.filter((r) => r.definition.pack === PACK && !rules.includes(r)).map((r) => r.definition.id);

// A scavenge before each timed run (`gc({ type: 'minor' })`), so that no run pays for the young
// garbage of the one before. Not a full collection: it drops the optimized code that refers to
// objects of the run before (V8's "weak objects" deoptimizations), and the run after it compiled
// 30 to 60 functions again, 0.3 to 0.6 s of CPU at 100,000 cameras (`node --trace-opt`), twice the
// time at 5,000. What this leaves: the garbage earlier runs promoted stays in the old generation,
// and a mark-compact can start inside a timed run (in one process at 100,000 cameras, one run of
// four took 2.1 s of CPU against 1.5 to 1.7 s); the median of the runs leaves it out. Node 20's
// V8 reads `gc({ type: 'major' })`, which earlier versions of the bench called, as a scavenge too.
const gc = globalThis.gc ? () => globalThis.gc({ type: 'minor' }) : () => {};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `fn` n times; keeps only what `keep` extracts from the last result, so that no report stays in memory. */
async function time(fn, n, keep = (r) => r, warmups = 1) {
  const times = [];
  const walls = [];
  let result;
  for (let w = 0; w < warmups; w++) result = await fn(); // warm-up, not timed: the JIT compiles on these
  result = undefined;
  for (let i = 0; i < n; i++) {
    result = undefined;
    gc();
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    result = await fn();
    const c = process.cpuUsage(c0);
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    times.push(opts.clock === 'cpu' ? (c.user + c.system) / 1000 : wall);
    walls.push(wall);
  }
  const kept = keep(result);
  result = undefined;
  return { ms: median(times), wall: median(walls), result: kept };
}

/**
 * Times several sides in turn, one run of each per round, after `warmups` untimed runs of each:
 * the median of each side's runs, and what `keep` extracts from its last result (no report is kept).
 */
async function timeTogether(sides, n, warmups = 1) {
  const entries = Object.entries(sides);
  for (let w = 0; w < warmups; w++) for (const [, side] of entries) await side.fn(); // warm-up, not timed
  const times = Object.fromEntries(entries.map(([name]) => [name, { cpu: [], wall: [] }]));
  const kept = {};
  for (let i = 0; i < n; i++) {
    for (const [name, side] of entries) {
      gc();
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      let result = await side.fn();
      const c = process.cpuUsage(c0);
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      times[name].cpu.push((c.user + c.system) / 1000);
      times[name].wall.push(wall);
      if (i === n - 1) kept[name] = side.keep(result);
      result = undefined;
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, { ms: median(opts.clock === 'cpu' ? times[name].cpu : times[name].wall), wall: median(times[name].wall), result: kept[name] }]));
}

/**
 * What a command-line run gets: vigie in a fresh process, where nothing is compiled yet. The
 * median over `n` processes of (1) the first `evaluate` with `findings: 'problems'` (the file read
 * and validated beforehand, untimed) and (2) the whole `vigie check --only-problems --format json`
 * command on the same file (Node's start, reading, validation, evaluation, the report written),
 * its CPU time read by a hook in the child as it exits.
 */
function firstRuns(text, n) {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  try {
    const file = join(dir, 'deployment.json');
    writeFileSync(file, text);
    const hook = join(dir, 'report-cpu.cjs');
    writeFileSync(hook, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('cpu ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n");
    const evaluations = [];
    const commands = [];
    for (let i = 0; i < n; i++) {
      const child = spawnSync(process.execPath, [new URL('./bench/first-run.mjs', import.meta.url).pathname, file, AS_OF, PACK, ruleIds.join(',')], { encoding: 'utf8' });
      const line = child.stdout.split('\n').find((l) => l.startsWith('result '));
      if (child.status !== 0 || !line) throw new Error(`first run failed:\n${child.stdout}${child.stderr}`);
      evaluations.push(JSON.parse(line.slice('result '.length)));
      const t0 = process.hrtime.bigint();
      const cli = spawnSync(process.execPath, ['--require', hook, new URL('../dist/cli.js', import.meta.url).pathname, 'check', file, '--only-problems', '--format', 'json', '--as-of', AS_OF, '--pack', PACK], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = /cpu (\d+)/.exec(cli.stderr);
      if ((cli.status !== 0 && cli.status !== 1) || !cpu) throw new Error(`vigie check failed:\n${cli.stderr}`);
      commands.push({ cpu: Number(cpu[1]) / 1000, wall });
    }
    const at = (list, key) => median(list.map((x) => x[key]));
    return { evaluate: { cpu: at(evaluations, 'cpu'), wall: at(evaluations, 'wall') }, command: { cpu: at(commands, 'cpu'), wall: at(commands, 'wall') } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Hash of the findings' ruleId, pointer and status, in one canonical order. */
function digest(findings) {
  const lines = findings
    .filter((f) => ruleIds.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.pointer} ${f.status}`)
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const mb = (bytes) => `${Math.round(bytes / 1048576)} MB`;

console.log(`vigie bench — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), pack ${PACK}, ${ruleIds.length} rules on cameras, authorizations, users and the deployment: ${ruleIds.join(', ')}`);
if (otherScopes.length) console.log(`(rules on the access-log stream, benchmarked in the audit rows: ${otherScopes.join(', ')})`);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start; asOf ${AS_OF}, seed ${seed}, ${opts.profile} deployment, median ${opts.clock === 'cpu' ? 'CPU time' : 'wall time'} of ${reps} runs (naive: ${naiveReps}); vigie evaluates a deployment parsed and validated beforehand, which it does not validate again\n`);

const rows = [];
for (const n of sizes) {
  // V8 optimizes in background threads: a run of a few tens of milliseconds ends before it is done,
  // so the small sizes get three warm-up runs, the large one.
  const warmups = n <= 10000 ? 3 : 1;
  const data = syntheticDeployment(n, seed, opts.profile);
  // Schema validation, timed apart on the plain object; before the parse below, whose gigabyte of
  // garbage on large sizes slows the next few allocation-heavy runs.
  const validation = await time(() => checkedConfig(data), Math.min(reps, 3), () => undefined);
  // Validated once, untimed in the rows, as a file is: parseConfig freezes the data it makes from
  // the text, so evaluate knows it is unchanged and does not validate it again. Only the data is
  // kept (no file positions, like the other sides).
  const text = JSON.stringify(data);
  const parsing = await time(() => ({ data: parseConfig(text).data }), 1, (r) => r, 0);
  const config = parsing.result;
  const problemsOnly = (findings) => findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable');
  const report = (r) => ({ digest: digest(r.findings), problems: digest(problemsOnly(r.findings)), length: r.findings.length, summary: r.summary });
  // Interleaved, one run of each side in turn: a change of the machine's load falls on both.
  const { hand, tuned, problems } = await timeTogether(
    {
      hand: { fn: () => handWrittenFindings(data, handRules, params, AS_OF), keep: (r) => ({ digest: digest(handWrittenOutcomes(r)), problems: digest(r.findings) }) },
      tuned: { fn: () => tunedFindings(data, handRules, params, AS_OF), keep: (r) => ({ digest: digest(tunedOutcomes(r)), problems: digest(r.findings) }) },
      problems: { fn: () => evaluate(config, { asOf: AS_OF, packs: [PACK], ruleSet: { ...ruleSet, rules }, findings: 'problems' }), keep: report },
    },
    reps,
    warmups,
  );
  const first = n <= firstRunMax ? firstRuns(text, reps) : undefined;
  // json-rules-engine called the two naive ways, in turn: which is faster depends on the size (see
  // scripts/bench/naive.mjs), and the ratios are against the faster one at each size. The
  // problems-only report runs in the same rounds, its time printed under the table but not used
  // for the ratios: right after a minute of json-rules-engine at 100,000 cameras it took 1.5 times
  // as long as in its own rounds (2.4 s against 1.6 s), as the sides that ran after the full
  // report did (see below).
  const BESIDE = 'vigie problems';
  const naiveRounds = n <= naiveMax
    ? await timeTogether(
        {
          'per target and rule': { fn: () => naiveFindings(data, rules, params, AS_OF), keep: (r) => ({ digest: digest(r) }) },
          [BESIDE]: { fn: () => evaluate(config, { asOf: AS_OF, packs: [PACK], ruleSet: { ...ruleSet, rules }, findings: 'problems' }), keep: (r) => ({ digest: digest(r.findings) }) },
          'per target, every rule in one engine': { fn: () => naivePerTargetFindings(data, rules, params, AS_OF), keep: (r) => ({ digest: digest(r) }) },
        },
        naiveReps,
        n <= 10000 ? 1 : 0,
      )
    : undefined;
  const beside = naiveRounds?.[BESIDE];
  const naiveWays = naiveRounds ? Object.fromEntries(Object.entries(naiveRounds).filter(([way]) => way !== BESIDE)) : undefined;
  const naive = naiveWays ? Object.values(naiveWays).reduce((a, b) => (b.ms < a.ms ? b : a)) : undefined;
  // The full report last, on its own: at 100,000 cameras it holds 1.8 GB, and the runs that came
  // after it in turn took 1.4 to 1.6 times as long (the hand-written loop as much as vigie), even
  // after a major collection. What it weighs on is the process it runs in, not the other sides.
  const vigie = await time(() => evaluate(config, { asOf: AS_OF, packs: [PACK], ruleSet: { ...ruleSet, rules } }), reps, report, warmups);
  const d = { hand: hand.result.digest, tuned: tuned.result.digest, vigie: vigie.result.digest, naive: naive ? naive.result.digest : '—' };
  // The problems-only report must count exactly what the full report lists.
  const sameSummary = JSON.stringify(problems.result.summary) === JSON.stringify(vigie.result.summary);
  const sameProblems = problems.result.digest === vigie.result.problems && hand.result.problems === vigie.result.problems && tuned.result.problems === vigie.result.problems;
  const naiveAgree = !naiveWays || (Object.values(naiveWays).every((w) => w.result.digest === d.vigie) && beside.result.digest === problems.result.digest);
  const agree = sameSummary && sameProblems && d.hand === d.vigie && d.tuned === d.vigie && naiveAgree;
  const s = vigie.result.summary;
  rows.push({
    n,
    findings: vigie.result.length,
    hand: hand.ms,
    tuned: tuned.ms,
    vigie: vigie.ms,
    problems: problems.ms,
    naive: naive?.ms,
    validation: validation.ms,
    parsing: parsing.ms,
    walls: `hand-written ${fmt(hand.wall)} ms, tuned ${fmt(tuned.wall)} ms, vigie ${fmt(vigie.wall)} ms, vigie problems ${fmt(problems.wall)} ms${naive ? `, naive ${fmt(naive.wall)} ms` : ''}`,
    naiveWays: naiveWays ? `${Object.entries(naiveWays).map(([way, w]) => `one engine.run ${way} ${fmt(w.ms)} ms (${(w.ms / problems.ms).toFixed(1)}× vigie problems${w === naive ? '; the faster, in the table' : ''})`).join(', ')}, vigie problems in the same rounds, each run right after json-rules-engine's, ${fmt(beside.ms)} ms` : undefined,
    first: first
      ? `first evaluation in a fresh process (problems) ${fmt(first.evaluate.cpu)} ms CPU, ${fmt(first.evaluate.wall)} ms elapsed; whole \`vigie check --only-problems\` command ${fmt(first.command.cpu)} ms CPU, ${fmt(first.command.wall)} ms elapsed`
      : undefined,
    rss: process.resourceUsage().maxRSS * 1024,
    digest: agree ? d.vigie : `DIFFER ${JSON.stringify(d)}`,
    counts: `${s.violation} violation, ${s.undetermined} undetermined, ${s.pass} pass`,
  });
  if (!agree) {
    console.error(`findings differ at ${n} cameras: ${JSON.stringify({ ...d, sameSummary, sameProblems })}`);
    process.exitCode = 1;
  }
  console.error(`done ${n}`);
}

// The access-log audit: `vigie audit` on a generated log, in a child process that reports its own CPU time and peak RSS.
const audits = [];
for (const events of opts['audit-events'].split(',').filter(Boolean).map(Number)) {
  const run = spawnSync(process.execPath, [new URL('./bench-audit.mjs', import.meta.url).pathname, '--events', String(events), '--seed', String(seed), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = run.stdout.split('\n').find((l) => l.startsWith('result '));
  if (run.status !== 0 || !line) {
    console.error(`audit bench failed at ${events} events:\n${run.stdout}${run.stderr}`);
    process.exitCode = 1;
    continue;
  }
  audits.push(JSON.parse(line.slice('result '.length)));
  console.error(`done audit ${events}`);
}

console.log('| cameras | rule × target outcomes | hand-written loop | hand-written, tuned | vigie, `findings: \'problems\'` | vigie, full report | naive json-rules-engine (the faster way) | vigie problems / hand-written | vigie problems / tuned | naive / vigie problems | naive / tuned | full report / hand-written | naive / full report | peak RSS | digest (all agree) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  const naive = r.naive !== undefined;
  console.log(
    `| ${r.n.toLocaleString('en')} | ${r.findings.toLocaleString('en')} | ${fmt(r.hand)} ms | ${fmt(r.tuned)} ms | ${fmt(r.problems)} ms | ${fmt(r.vigie)} ms | ${naive ? fmt(r.naive) + ' ms' : 'skipped'} | ${(r.problems / r.hand).toFixed(1)}× | ${(r.problems / r.tuned).toFixed(1)}× | ${naive ? (r.naive / r.problems).toFixed(1) + '×' : '—'} | ${naive ? (r.naive / r.tuned).toFixed(0) + '×' : '—'} | ${(r.vigie / r.hand).toFixed(1)}× | ${naive ? (r.naive / r.vigie).toFixed(0) + '×' : '—'} | ${mb(r.rss)} | ${r.digest} |`,
  );
}
for (const a of audits) {
  const cpuRate = a.cpuSeconds ? `${Math.round(a.events / a.cpuSeconds).toLocaleString('en')} events per CPU-second` : '';
  console.log(
    `| audit, ${a.events.toLocaleString('en')} log events | log-event rules of fr-law and cnil-guidance | | | | ${fmt(a.cpuSeconds * 1000)} ms (whole vigie audit CLI run, JSON report) | | | | | | | | ${mb(a.peakRssBytes)} | ${cpuRate}; ${Math.round(a.events / a.seconds).toLocaleString('en')} events/s elapsed |`,
  );
}
console.log('\nOutcomes per size:');
for (const r of rows) console.log(`- ${r.n.toLocaleString('en')} cameras: ${r.counts};${r.naiveWays ? ` json-rules-engine, ${r.naiveWays};` : ''} wall time: ${r.walls};${r.first ? ` ${r.first};` : ''} schema validation (not in the times above) ${fmt(r.validation)} ms; parsing the JSON text with parseConfig, once (not in the times above) ${fmt(r.parsing)} ms`);
