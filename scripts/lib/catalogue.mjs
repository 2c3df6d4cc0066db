// Reads a tree's rule packs from disk: the rule set (loaded and checked by vigie's own loader),
// and every rule folder with its example files. Docs and checks are built from this only.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLE = /\.(ya?ml|json)$/;
/** Access logs audited with an example deployment, for rules on a streamed scope (`log-event`). */
const LOG = /\.(jsonl|ndjson|csv)$/;

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
      const logs = readdirSync(dir)
        .filter((n) => LOG.test(n))
        .sort()
        .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
      out.push({ pack, folder, rel: `rules/${pack}/${folder}`, ruleFile: ruleFile && `rules/${pack}/${folder}/${ruleFile}`, examples, logs });
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
  // The reports' operator symbols, so that the pages write conditions as findings do.
  return { ruleSet, rules, folders, operatorSymbol: dist.core.operatorSymbol };
}

/** The outcome an example file is expected to give (and the log it is audited with): declared in the rule, else by its name. */
export function expectedOutcome(rule, name) {
  const declared = rule.examples?.find((e) => e.file === name);
  if (declared) return { expect: declared.expect, asOf: declared.asOf, note: declared.note, log: declared.log };
  if (name.startsWith('violating')) return { expect: 'violation' };
  if (name.startsWith('compliant')) return { expect: 'pass' };
  return { expect: undefined };
}

/** The log audited with an example: the one the rule declares, else `<name>.log.jsonl` or `<name>.log.csv` beside it. */
export function exampleLog(folder, example) {
  const base = example.name.replace(EXAMPLE, '');
  const wanted = example.log ? [example.log] : [`${base}.log.jsonl`, `${base}.log.csv`];
  return wanted.map((n) => folder.logs.find((l) => l.name === n)).find(Boolean);
}
