// npm run bench: vigie's evaluate against one json-rules-engine run per camera (naive) and a
// hand-written loop, on seeded synthetic deployments. Runs the built package (dist/).
// Usage: node --expose-gc scripts/bench.mjs [--sizes 1000,10000,100000] [--reps 5] [--naive-reps 3]
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { builtinRuleSet, checkedConfig, evaluate, resolveParameters } from '../dist/index.js';
import { syntheticDeployment } from './bench/deployment.mjs';
import { handWrittenFindings } from './bench/hand-written.mjs';
import { naiveFindings } from './bench/naive.mjs';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    reps: { type: 'string', default: '5' },
    'naive-reps': { type: 'string', default: '3' },
    'naive-max': { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
  },
});
const sizes = opts.sizes.split(',').map(Number);
const reps = Number(opts.reps);
const naiveReps = Number(opts['naive-reps']);
const naiveMax = Number(opts['naive-max']);
const seed = Number(opts.seed);

const AS_OF = '2026-01-15';
const PACK = 'fr-law';
const ruleSet = builtinRuleSet();
const rules = ruleSet.rules.filter((r) => r.definition.pack === PACK && r.definition.scope === 'camera' && r.definition.effective.from <= AS_OF);
const ruleIds = rules.map((r) => r.definition.id).sort();
const params = resolveParameters(ruleSet.parameters, AS_OF).values;
const otherScopes = ruleSet.rules.filter((r) => r.definition.pack === PACK && r.definition.scope !== 'camera').map((r) => r.definition.id);

const gc = globalThis.gc ?? (() => {});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn, n) {
  const times = [];
  let result;
  for (let i = 0; i < n; i++) {
    result = undefined;
    gc();
    const t0 = process.hrtime.bigint();
    result = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(times), result, rss: process.memoryUsage().rss };
}

/** Hash of the camera-rule findings' ruleId, pointer and status, in one canonical order. */
function digest(findings) {
  const lines = findings
    .filter((f) => ruleIds.includes(f.ruleId) && f.pointer.startsWith('/cameras/'))
    .map((f) => `${f.ruleId} ${f.pointer} ${f.status}`)
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const mb = (bytes) => `${Math.round(bytes / 1048576)} MB`;

console.log(`vigie bench — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), pack ${PACK} on cameras: ${ruleIds.join(', ')}`);
if (otherScopes.length) console.log(`(rules of other scopes, not in the hand-written loop, are left out: ${otherScopes.join(', ')})`);
console.log(`asOf ${AS_OF}, seed ${seed}, median of ${reps} runs (naive: ${naiveReps}); vigie evaluates an already validated deployment\n`);

const rows = [];
for (const n of sizes) {
  const data = syntheticDeployment(n, seed);
  const config = checkedConfig(data); // schema validation is timed apart below
  const validation = await time(() => checkedConfig(data), Math.min(reps, 3));
  const hand = await time(() => handWrittenFindings(data, ruleIds), reps);
  const vigie = await time(() => evaluate(config, { asOf: AS_OF, packs: [PACK], ruleSet: { ...ruleSet, rules } }), reps);
  const problems = await time(() => evaluate(config, { asOf: AS_OF, packs: [PACK], ruleSet: { ...ruleSet, rules }, findings: 'problems' }), reps);
  const naive = n <= naiveMax ? await time(() => naiveFindings(data, rules, params, AS_OF), naiveReps) : undefined;
  const d = { hand: digest(hand.result), vigie: digest(vigie.result.findings), naive: naive ? digest(naive.result) : '—' };
  const agree = d.hand === d.vigie && (!naive || d.naive === d.vigie);
  const s = vigie.result.summary;
  rows.push({
    n,
    findings: vigie.result.findings.length,
    hand: hand.ms,
    vigie: vigie.ms,
    problems: problems.ms,
    naive: naive?.ms,
    validation: validation.ms,
    rss: process.resourceUsage().maxRSS * 1024,
    digest: agree ? d.vigie : `DIFFER ${JSON.stringify(d)}`,
    counts: `${s.violation} violation, ${s.undetermined} undetermined, ${s.pass} pass`,
  });
  if (!agree) {
    console.error(`findings differ at ${n} cameras: ${JSON.stringify(d)}`);
    process.exitCode = 1;
  }
  console.error(`done ${n}`);
}

console.log('| cameras | findings | hand-written | vigie (full report) | vigie (`findings: problems`) | naive json-rules-engine | vigie / hand-written | naive / vigie | peak RSS | digest (all agree) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en')} | ${r.findings.toLocaleString('en')} | ${fmt(r.hand)} ms | ${fmt(r.vigie)} ms | ${fmt(r.problems)} ms | ${r.naive !== undefined ? fmt(r.naive) + ' ms' : 'skipped'} | ${(r.vigie / r.hand).toFixed(1)}× | ${r.naive !== undefined ? (r.naive / r.vigie).toFixed(0) + '×' : '—'} | ${mb(r.rss)} | ${r.digest} |`,
  );
}
console.log('| audit (100k, 1M events) | | | | | | | | | audit: run `npm run bench:audit` |');
console.log('\nOutcomes per size:');
for (const r of rows) console.log(`- ${r.n.toLocaleString('en')} cameras: ${r.counts}; schema validation (not in the times above) ${fmt(r.validation)} ms`);
