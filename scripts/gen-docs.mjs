// `npm run docs`: writes docs/rules/<id>.md for every rule and docs/rules/README.md (the
// catalogue) from the rule files, removing pages of rules that no longer exist.
// Usage: node scripts/gen-docs.mjs [--root DIR]   (DIR defaults to the repository)
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogueOrIssues } from './lib/catalogue.mjs';
import { REPO, loadDist } from './lib/dist.mjs';
import { DOCS_DIR, renderDocs } from './lib/render-docs.mjs';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = values.root ?? REPO;
const dist = await loadDist();

const { catalogue, issues } = loadCatalogueOrIssues(root, dist);
if (!catalogue) {
  console.error(`docs: the rule files are invalid:\n${issues.join('\n')}`);
  process.exit(2);
}

const files = renderDocs(catalogue);
const dir = join(root, DOCS_DIR);
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) {
  if (name.endsWith('.md') && !files.has(`${DOCS_DIR}/${name}`)) rmSync(join(dir, name));
}
for (const [rel, text] of files) {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}
console.log(`docs: ${files.size} files written to ${DOCS_DIR}/ (${catalogue.rules.length} rules)`);
