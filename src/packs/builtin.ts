import { builtinPackFiles } from '../generated/builtin-packs.js';
import type { PackFile } from './files.js';
import { loadRuleSet } from './load.js';
import type { RuleSet } from './rule-set.js';

let cached: RuleSet | undefined;

/** The packs shipped with vigie (fr-law, cnil-guidance, strict), loaded once. */
export function builtinRuleSet(): RuleSet {
  cached ??= loadRuleSet(builtinPackFiles);
  return cached;
}

export function builtinFiles(): readonly PackFile[] {
  return builtinPackFiles;
}
