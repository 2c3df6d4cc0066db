// One evaluation in a fresh process, as a command-line run makes it: nothing of vigie compiled by
// the JavaScript engine yet. Run by scripts/bench.mjs in a child process; prints one line
// `result {"cpu": ms, "wall": ms}`: the time of the first `evaluate(…, { findings: 'problems' })`,
// the deployment being read and validated beforehand (untimed, as in the bench's rows).
//
//   node scripts/bench/first-run.mjs <deployment.json> <asOf> <pack> <rule id,rule id,…>
import { readFileSync } from 'node:fs';
import { builtinRuleSet, evaluate, parseConfig } from '../../dist/index.js';

const [file, asOf, pack, ids] = process.argv.slice(2);
const ruleSet = builtinRuleSet();
const wanted = new Set(ids.split(','));
const rules = ruleSet.rules.filter((r) => wanted.has(r.definition.id));
const config = { data: parseConfig(readFileSync(file, 'utf8')).data };

const c0 = process.cpuUsage();
const t0 = performance.now();
const report = await evaluate(config, { asOf, packs: [pack], ruleSet: { ...ruleSet, rules }, findings: 'problems' });
const wall = performance.now() - t0;
const c = process.cpuUsage(c0);
console.log(`result ${JSON.stringify({ cpu: (c.user + c.system) / 1000, wall, listed: report.findings.length })}`);
