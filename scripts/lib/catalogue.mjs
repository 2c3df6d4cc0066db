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
  // What the pages share with vigie itself: the reports' operator symbols (so that pages write
  // conditions as findings do) and the outcome an example is expected to give (as tests judge it).
  return { ruleSet, rules, folders, vigie: { operatorSymbol: dist.core.operatorSymbol, expectedOutcome: dist.core.expectedOutcome } };
}

/** loadCatalogue, with a bad rule file's issues as lines (`file:line:column: message`) instead of an exception. */
export function loadCatalogueOrIssues(root, dist) {
  try {
    return { catalogue: loadCatalogue(root, dist), issues: [] };
  } catch (e) {
    if (!(e instanceof dist.core.VigieInputError)) throw e;
    return { catalogue: undefined, issues: e.issues.map(dist.core.formatIssue) };
  }
}

/** What a rule declares about one of its example files: `asOf`, `note`, `log` (empty if undeclared). */
export function declaredExample(rule, name) {
  const declared = rule.examples?.find((e) => e.file === name);
  return declared ? { asOf: declared.asOf, note: declared.note, log: declared.log } : {};
}

/** The log audited with an example: the one the rule declares, else `<name>.log.jsonl`, `.log.ndjson` or `.log.csv` beside it, as `vigie test` reads it. */
export function exampleLog(folder, example) {
  const base = example.name.replace(EXAMPLE, '');
  const wanted = example.log ? [example.log] : [`${base}.log.jsonl`, `${base}.log.ndjson`, `${base}.log.csv`];
  return wanted.map((n) => folder.logs.find((l) => l.name === n)).find(Boolean);
}
