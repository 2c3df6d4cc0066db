// Evaluates the bench's seeded deployment N times in a row, for scripts/bench/instructions.mjs to
// count what one evaluation costs. Runs the built package (dist/).
//   node scripts/bench/evaluations.mjs <cameras> <times> <problems|all> [dist directory]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { syntheticDeployment } from './deployment.mjs';

const [cameras, times, findings, dist = new URL('../../dist/', import.meta.url).pathname] = process.argv.slice(2);
const { builtinRuleSet, evaluate, parseConfig } = await import(pathToFileURL(resolve(dist, 'index.js')).href);
const AS_OF = '2026-01-15';
const ruleSet = builtinRuleSet();
const inForce = (d) => d.effective.from <= AS_OF && (d.effective.until === undefined || AS_OF <= d.effective.until);
const rules = ruleSet.rules.filter((r) => r.definition.pack === 'fr-law' && ['camera', 'authorization', 'user', 'deployment'].includes(r.definition.scope) && inForce(r.definition));
const config = { data: parseConfig(JSON.stringify(syntheticDeployment(Number(cameras), 42))).data };
for (let i = 0; i < Number(times); i++) await evaluate(config, { asOf: AS_OF, packs: ['fr-law'], ruleSet: { ...ruleSet, rules }, findings });
