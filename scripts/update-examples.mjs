// `npm run examples:update`: evaluates each city example (examples/expected/cities.json) against
// the rule files of rules/ and writes its report to examples/expected/<name>.json. Run it after
// changing a rule or an example; test/city-examples.test.ts fails until the reports are current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from './lib/catalogue.mjs';
import { REPO, loadDist } from './lib/dist.mjs';
import { expectedReport, formatExpectedReport } from './lib/expected-report.mjs';

const dist = await loadDist();
const { ruleSet } = loadCatalogue(REPO, dist);
const manifest = JSON.parse(readFileSync(join(REPO, 'examples/expected/cities.json'), 'utf8'));

for (const { name, packs } of manifest.examples) {
  const file = `examples/${name}.yaml`;
  const config = dist.core.parseConfig(readFileSync(join(REPO, file), 'utf8'), { file });
  const report = expectedReport(await dist.core.evaluate(config, { asOf: manifest.asOf, packs, ruleSet }));
  writeFileSync(join(REPO, 'examples/expected', `${name}.json`), formatExpectedReport(report));
  const s = report.summary;
  console.log(`${file} (${packs.join(', ')}): ${s.violation} violation, ${s.undetermined} undetermined, ${s.pass} pass, ${s['not-applicable']} not applicable`);
}
