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

/** The positions of the rules in `rules`, by scope name, in order of first appearance. */
export function rulesByScope(rules: readonly LoadedRule[]): Map<string, number[]> {
  const scopes = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    const members = scopes.get(rule.definition.scope);
    if (members) members.push(i);
    else scopes.set(rule.definition.scope, [i]);
  });
  return scopes;
}
