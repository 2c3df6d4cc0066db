// CI check of the rule catalogue. Fails (exit 1), naming the files, when:
//   - a rule file does not load (schema, unknown fact/operator/parameter, duplicate id…);
//   - a rule id is used by more than one rule folder, in any pack;
//   - a rule folder has no rule file, no compliant example or no violating example;
//   - a rule cites no legal reference, or declares an example file or log that does not exist;
//   - docs/rules/ differs from what `npm run docs` generates (stale, missing or extra pages).
// Usage: node scripts/check-fresh.mjs [--root DIR]   (DIR defaults to the repository)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { loadCatalogueOrIssues, ruleFolders } from './lib/catalogue.mjs';
import { REPO, loadDist } from './lib/dist.mjs';
import { DOCS_DIR, renderDocs } from './lib/render-docs.mjs';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = values.root ?? REPO;
const problems = [];

// Checks read the raw files too, so that they still name the culprit when the loader refuses them.
const ids = new Map();
for (const f of ruleFolders(root)) {
  if (!f.ruleFile) {
    problems.push(`${f.rel}/: no rule.yaml in this rule folder`);
    continue;
  }
  if (!f.examples.some((e) => e.name.startsWith('compliant'))) problems.push(`${f.rel}/: no compliant example (compliant*.yaml)`);
  if (!f.examples.some((e) => e.name.startsWith('violating'))) problems.push(`${f.rel}/: no violating example (violating*.yaml)`);
  let rule;
  try {
    rule = parseYaml(readFileSync(join(root, f.ruleFile), 'utf8'));
  } catch {
    continue; // the loader below reports the syntax error with its line and column
  }
  if (!Array.isArray(rule?.legal) || rule.legal.length === 0) problems.push(`${f.ruleFile}: no legal reference (legal: must list at least one)`);
  for (const e of Array.isArray(rule?.examples) ? rule.examples : []) {
    if (typeof e?.file === 'string' && !f.examples.some((x) => x.name === e.file)) problems.push(`${f.ruleFile}: declares the example ${e.file}, which is not in ${f.rel}/`);
    if (typeof e?.log === 'string' && !f.logs.some((x) => x.name === e.log)) problems.push(`${f.ruleFile}: declares the log ${e.log}, which is not in ${f.rel}/`);
  }
  const id = typeof rule?.id === 'string' ? rule.id : f.folder;
  ids.set(id, [...(ids.get(id) ?? []), f.ruleFile]);
}
for (const [id, files] of ids) {
  if (files.length > 1) problems.push(`rule id "${id}" is used ${files.length} times: ${files.join(', ')}`);
}

const dist = await loadDist();
const { catalogue, issues } = loadCatalogueOrIssues(root, dist);
problems.push(...issues);

if (catalogue) {
  const wanted = renderDocs(catalogue);
  const dir = join(root, DOCS_DIR);
  for (const [rel, text] of wanted) {
    const file = join(root, rel);
    if (!existsSync(file)) problems.push(`${rel}: missing (run npm run docs)`);
    else if (readFileSync(file, 'utf8') !== text) problems.push(`${rel}: stale, differs from the rule files (run npm run docs)`);
  }
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.md') && !wanted.has(`${DOCS_DIR}/${name}`)) problems.push(`${DOCS_DIR}/${name}: no rule generates it (run npm run docs)`);
    }
  }
}

if (problems.length) {
  console.error(`check-fresh: ${problems.length} problem(s) in the rule catalogue:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`check-fresh: ${catalogue.rules.length} rules, examples, legal references and ${DOCS_DIR}/ are consistent`);
