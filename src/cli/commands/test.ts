import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeAsOf } from '../../evaluate.js';
import { builtinRuleSet } from '../../packs/builtin.js';
import { runRuleExamples, rulesFromFiles } from '../../packs/examples.js';
import { loadRuleSet } from '../../packs/load.js';
import { readPackDir } from '../../node/load.js';
import { parseCommandArgs, usageError } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const test: Command = {
  name: 'test',
  summary: "run a rule pack's rules against their own example deployments",
  help: `Usage: vigie test [options] DIR

Loads the rule pack(s) in DIR and runs each rule against the examples in its folder: every
compliant* file must pass, every violating* file must give a violation, and every example the
rule lists under "examples:" must give its "expect" (as of its "asOf"). A DIR holding scopes.yaml
is a root of packs (like vigie's own rules/); any other DIR is a custom pack, loaded on top of the
built-in packs.

Options:
  --as-of YYYY-MM-DD   the date for examples that declare no asOf (default today)
  --quiet              print failed cases and the summary only

Exit codes: 0 every case passed, 1 a case failed (a missing or an unexpected finding),
2 invalid pack or example, or usage error.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { 'as-of': { type: 'string' }, quiet: { type: 'boolean', default: false } });
    if (positionals.length !== 1) throw usageError('give one rule-pack directory');
    const dir = positionals[0]!;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError(`"${dir}" is not a directory`);
    const asOf = normalizeAsOf(values['as-of']);
    const root = ['scopes.yaml', 'scopes.yml', 'scopes.json'].some((n) => existsSync(join(dir, n)));
    const files = readPackDir(dir, dir.replace(/[\\/]+$/, '') + '/');
    const ruleSet = root ? loadRuleSet(files) : loadRuleSet(files, builtinRuleSet());
    if (rulesFromFiles(ruleSet, files).length === 0) throw usageError(`"${dir}" holds no rule (rules are <pack>/<rule-id>/rule.yaml or <rule-id>/rule.yaml)`);

    const cases = await runRuleExamples(ruleSet, files, { asOf });
    for (const c of cases) {
      if (c.passed && values.quiet) continue;
      const got = c.got.length ? ` → ${[...new Set(c.got)].join(', ')}` : '';
      const expect = c.expect ? ` (expect ${c.expect}${c.asOf !== asOf ? `, as of ${c.asOf}` : ''})` : '';
      io.stdout(`${c.passed ? 'PASS' : 'FAIL'} ${c.ruleId} ${c.file}${expect}${got}${c.reason ? `: ${c.reason}` : ''}\n`);
    }
    const failed = cases.filter((c) => !c.passed).length;
    const ruleCount = new Set(cases.map((c) => c.ruleId)).size;
    io.stdout(`\n${cases.length - failed} passed, ${failed} failed (${cases.length} cases, ${ruleCount} rules)\n`);
    return failed ? EXIT.findings : EXIT.ok;
  },
};
