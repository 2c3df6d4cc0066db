import type { PackDefinition, ParameterDefinition, RuleDefinition, ScopeDefinition } from '../types.js';

/** A rule with what loading learnt about it. */
export interface LoadedRule {
  definition: RuleDefinition;
  /** The rule file, relative to its packs' root. */
  file: string;
  /** Parameters the rule reads, directly or through its derived facts. */
  parameters: string[];
}

/** Rules, parameters, packs and scopes, loaded and checked together. */
export interface RuleSet {
  packs: PackDefinition[];
  scopes: Record<string, ScopeDefinition>;
  parameters: ParameterDefinition[];
  rules: LoadedRule[];
}
