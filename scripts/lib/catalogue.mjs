// Reads a tree's rule packs from disk: the rule set (loaded and checked by vigie's own loader),
// and every rule folder with its example files. Docs and checks are built from this only.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLE = /\.(ya?ml|json)$/;

/** Rule folders `rules/<pack>/<folder>/` (every directory but `parameters/`), sorted. */
export function ruleFolders(root) {
  const rulesDir = join(root, 'rules');
  const out = [];
  for (const pack of readdirSync(rulesDir).sort()) {
    const packDir = join(rulesDir, pack);
    if (!statSync(packDir).isDirectory()) continue;
    for (const folder of readdirSync(packDir).sort()) {
      const dir = join(packDir, folder);
      if (folder === 'parameters' || !statSync(dir).isDirectory()) continue;
      const ruleFile = ['rule.yaml', 'rule.yml', 'rule.json'].find((n) => existsSync(join(dir, n)));
      const examples = readdirSync(dir)
        .filter((n) => EXAMPLE.test(n) && !/^rule\.(ya?ml|json)$/.test(n))
        .sort()
        .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
      out.push({ pack, folder, rel: `rules/${pack}/${folder}`, ruleFile: ruleFile && `rules/${pack}/${folder}/${ruleFile}`, examples });
    }
  }
  return out;
}

/**
 * The rule set of `<root>/rules`, loaded with vigie's loader (schema, unknown facts, operators,
 * parameters, placeholders, duplicate ids). Throws its VigieInputError on a bad rule file.
 */
export function loadCatalogue(root, dist) {
  const files = dist.node.readPackDir(join(root, 'rules'), 'rules/');
  const ruleSet = dist.core.loadRuleSet(files);
  const folders = ruleFolders(root);
  const byFile = new Map(folders.map((f) => [f.ruleFile, f]));
  const rules = ruleSet.rules.map((r) => ({ ...r, folder: byFile.get(r.file) }));
  return { ruleSet, rules, folders };
}

/** The outcome an example file is expected to give: declared in the rule, else by its name. */
export function expectedOutcome(rule, name) {
  const declared = rule.examples?.find((e) => e.file === name);
  if (declared) return { expect: declared.expect, asOf: declared.asOf, note: declared.note };
  if (name.startsWith('violating')) return { expect: 'violation' };
  if (name.startsWith('compliant')) return { expect: 'pass' };
  return { expect: undefined };
}
