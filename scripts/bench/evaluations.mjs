// Evaluates the bench's seeded deployment N times in a row, for scripts/bench/instructions.mjs to
// count what one evaluation costs. Runs the built package (dist/). The side is vigie (`problems` or
// `all` findings), the hand-written loop (`hand`), its tuned version (`tuned`) or json-rules-engine
// called once per target and rule (`naive`), on the same deployment and rules as `npm run bench`.
//   node scripts/bench/evaluations.mjs <cameras> <times> <problems|all|hand|tuned|naive> [dist directory] [mixed|compliant]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { syntheticDeployment } from './deployment.mjs';

const [cameras, times, side, dist = new URL('../../dist/', import.meta.url).pathname, profile = 'mixed'] = process.argv.slice(2);
const { builtinRuleSet, evaluate, parseConfig, resolveParameters } = await import(pathToFileURL(resolve(dist, 'index.js')).href);
const AS_OF = '2026-01-15';
const ruleSet = builtinRuleSet();
const inForce = (d) => d.effective.from <= AS_OF && (d.effective.until === undefined || AS_OF <= d.effective.until);
const rules = ruleSet.rules.filter((r) => r.definition.pack === 'fr-law' && ['camera', 'authorization', 'user', 'deployment'].includes(r.definition.scope) && inForce(r.definition));
const data = syntheticDeployment(Number(cameras), 42, profile);
let run;
if (side === 'hand' || side === 'tuned') {
  const { handWrittenFindings } = await import('./hand-written.mjs');
  const { tunedFindings } = await import('./hand-tuned.mjs');
  const loop = side === 'hand' ? handWrittenFindings : tunedFindings;
  const params = resolveParameters(ruleSet.parameters, AS_OF).values;
  const handRules = rules.map((r) => ({ id: r.definition.id, scope: r.definition.scope }));
  run = () => loop(data, handRules, params, AS_OF);
} else if (side === 'naive') {
  // json-rules-engine is imported by naive.mjs from this repository's node_modules, whatever `dist`.
  const { naiveFindings } = await import('./naive.mjs');
  const params = resolveParameters(ruleSet.parameters, AS_OF).values;
  run = () => naiveFindings(data, rules, params, AS_OF);
} else {
  const config = { data: parseConfig(JSON.stringify(data)).data };
  run = () => evaluate(config, { asOf: AS_OF, packs: ['fr-law'], ruleSet: { ...ruleSet, rules }, findings: side });
}
for (let i = 0; i < Number(times); i++) await run();
