import { builtinPackFiles, builtinRuleSetJson } from '../generated/builtin-packs.js';
import type { PackFile } from './files.js';
import type { RuleSet } from './rule-set.js';

let cached: RuleSet | undefined;

/**
 * The packs shipped with vigie (fr-law, cnil-guidance, strict), loaded once: by
 * scripts/gen-builtin.mjs when vigie is built, with the same loadRuleSet as any pack, so that
 * a start of vigie does not parse and check the same files again (a test compares both).
 */
export function builtinRuleSet(): RuleSet {
  cached ??= JSON.parse(builtinRuleSetJson) as RuleSet;
  return cached;
}

export function builtinFiles(): readonly PackFile[] {
  return builtinPackFiles;
}
