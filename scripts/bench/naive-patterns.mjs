// The two naive ways of calling json-rules-engine, on the bench's seeded deployment: one
// `engine.run` per target and rule and one `engine.run` per target with every rule of the scope in
// one engine (scripts/bench/naive.mjs; `npm run bench` times both too). Prints the CPU time of each,
// in turn, and checks that they give the same outcomes. Runs the built package (dist/).
// Usage: node scripts/bench/naive-patterns.mjs [--cameras 5000] [--reps 3] [--seed 42]
import { parseArgs } from 'node:util';
import { builtinRuleSet, resolveParameters } from '../../dist/index.js';
import { syntheticDeployment } from './deployment.mjs';
import { naiveFindings, naivePerTargetFindings } from './naive.mjs';

const { values: opts } = parseArgs({ options: { cameras: { type: 'string', default: '5000' }, reps: { type: 'string', default: '3' }, seed: { type: 'string', default: '42' } } });
const AS_OF = '2026-01-15';
const ruleSet = builtinRuleSet();
const SCOPES = ['camera', 'authorization', 'user', 'deployment'];
const inForce = (d) => d.effective.from <= AS_OF && (d.effective.until === undefined || AS_OF <= d.effective.until);
const rules = ruleSet.rules.filter((r) => r.definition.pack === 'fr-law' && SCOPES.includes(r.definition.scope) && inForce(r.definition));
const params = resolveParameters(ruleSet.parameters, AS_OF).values;
const data = syntheticDeployment(Number(opts.cameras), Number(opts.seed));

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const outcomes = (findings) => findings.map((f) => `${f.ruleId} ${f.pointer} ${f.status}`).sort().join('\n');
const patterns = { 'per target and rule': naiveFindings, 'per target, every rule in one engine': naivePerTargetFindings };
const times = Object.fromEntries(Object.keys(patterns).map((k) => [k, []]));
const seen = {};
for (let i = 0; i <= Number(opts.reps); i++) {
  for (const [name, run] of Object.entries(patterns)) {
    const c0 = cpu();
    const findings = await run(data, rules, params, AS_OF);
    if (i > 0) times[name].push(cpu() - c0); // the first round warms up
    seen[name] = outcomes(findings);
  }
}
const [a, b] = Object.values(seen);
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(`${opts.cameras} cameras, ${rules.length} fr-law rules, median CPU time of ${opts.reps} runs in turn:`);
for (const [name, t] of Object.entries(times)) console.log(`- one engine.run ${name}: ${median(t).toFixed(0)} ms`);
console.log(a === b ? 'same outcomes' : 'OUTCOMES DIFFER');
if (a !== b) process.exitCode = 1;
