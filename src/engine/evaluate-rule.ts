import type { Engine } from 'json-rules-engine';
import { getAtPointer } from '../parse/pointer.js';
import type { LoadedRule } from '../packs/rule-set.js';
import type { ConditionNode, FindingStatus, LeafCondition, ParameterEvidence, TopLevelCondition } from '../types.js';
import { buildFacts, builtinFacts, factValues, type FactTable, type TargetFacts } from './facts.js';
import { conditionEngine, runConditions } from './json-rules-engine.js';
import { quickTruth } from './quick-verdict.js';
import { decisiveLeaves, isValueFactRef, truth, type ResultNode } from './three-valued.js';

/** One condition that decided an outcome, before it is located and formatted for a report. */
export interface RawEvidence {
  condition?: string;
  pointer?: string;
  fact: string;
  path?: string;
  operator: string;
  actual: unknown;
  expected: unknown;
  parameter?: ParameterEvidence;
}

export interface RuleOutcome {
  status: Exclude<FindingStatus, 'waived'>;
  evidence: RawEvidence[];
  missing: string[];
  facts: FactTable;
}

interface RuleEngine {
  engine: Engine;
  /** The facts its conditions read: only these are handed to json-rules-engine, which copies and hashes each. */
  facts: string[];
}

const engines = new WeakMap<LoadedRule, { appliesIf?: RuleEngine; conditions: RuleEngine }>();

function factsRead(node: ConditionNode, out = new Set<string>()): Set<string> {
  if ('all' in node) node.all.forEach((c) => factsRead(c, out));
  else if ('any' in node) node.any.forEach((c) => factsRead(c, out));
  else if ('not' in node) factsRead(node.not, out);
  else {
    out.add(node.fact);
    if (isValueFactRef(node.value)) out.add(node.value.fact);
  }
  return out;
}

const ruleEngine = (conditions: TopLevelCondition, name: string): RuleEngine => ({ engine: conditionEngine(conditions, name), facts: [...factsRead(conditions)] });

function enginesOf(rule: LoadedRule) {
  let e = engines.get(rule);
  if (!e) {
    const d = rule.definition;
    e = {
      appliesIf: d.appliesIf ? ruleEngine(d.appliesIf, `${d.id}#appliesIf`) : undefined,
      conditions: ruleEngine(d.conditions, d.id),
    };
    engines.set(rule, e);
  }
  return e;
}

/** How much an outcome explains: a caller that keeps only some outcomes spares building the others' evidence. */
export interface EvaluationOptions {
  /** Whether the evidence of an outcome with this status is wanted (default: always). */
  explain?: (status: RuleOutcome['status']) => boolean;
}

/** Evaluates one rule on one target with json-rules-engine, in three-valued logic. */
export async function evaluateRuleOnTarget(rule: LoadedRule, target: TargetFacts, parameters: Record<string, ParameterEvidence>, options: EvaluationOptions = {}): Promise<RuleOutcome> {
  const wanted = options.explain ?? (() => true);
  const rejected = quickReject(rule, target.target);
  if (rejected) {
    const table = builtinFacts(target);
    return { status: 'not-applicable', evidence: wanted('not-applicable') ? [toEvidence(rejected, table, parameters)] : [], missing: [], facts: table };
  }
  const table = buildFacts(rule.definition, target);
  const { appliesIf, conditions } = enginesOf(rule);
  const run = (e: RuleEngine) => runConditions(e.engine, factValues(table, e.facts));

  // When an outcome's evidence is not wanted, simple trees are decided without the engine.
  const d = rule.definition;
  if (d.appliesIf && !wanted('not-applicable') && quickTruth(d.appliesIf, table) === 'F') return { status: 'not-applicable', evidence: [], missing: [], facts: table };
  if (!wanted('pass') && (!d.appliesIf || quickTruth(d.appliesIf, table) === 'T') && quickTruth(d.conditions, table) === 'T') {
    return { status: 'pass', evidence: [], missing: [], facts: table };
  }
  if (appliesIf) {
    const tree = await run(appliesIf);
    const t = truth(tree);
    if (t === 'F') return { status: 'not-applicable', evidence: wanted('not-applicable') ? decisiveLeaves(tree, 'F').map((l) => toEvidence(l, table, parameters)) : [], missing: [], facts: table };
    if (t === 'U') return { status: 'undetermined', evidence: [], missing: missingOf(decisiveLeaves(tree, 'U'), table), facts: table };
  }
  const tree = await run(conditions);
  const outcome = outcomeOf(tree, table, parameters, wanted);
  return outcome;
}

const isLeaf = (node: ConditionNode): node is LeafCondition => 'fact' in node;

/**
 * A leaf of an `all` appliesIf that compares a field of the target with a literal (`equal`, `in`)
 * and is false: the rule does not apply, whatever its other conditions and derived facts. Decided
 * here, as json-rules-engine would decide it, because on a large log most rules do not apply to
 * most events (an export rule and a live view) and running the engine for each costs most of an
 * audit's time.
 */
function quickReject(rule: LoadedRule, target: unknown): ResultNode | undefined {
  const appliesIf = rule.definition.appliesIf;
  if (!appliesIf || !('all' in appliesIf)) return undefined;
  for (const c of appliesIf.all) {
    if (!isLeaf(c) || c.fact !== 'target' || isValueFactRef(c.value)) continue;
    if (c.operator !== 'equal' && !(c.operator === 'in' && Array.isArray(c.value))) continue;
    const actual = getAtPointer(target, c.path ?? '');
    if (actual === undefined) continue;
    const holds = c.operator === 'equal' ? actual === c.value : (c.value as unknown[]).includes(actual);
    if (!holds) return { fact: c.fact, path: c.path, operator: c.operator, value: c.value, name: c.name, factResult: actual, result: false };
  }
  return undefined;
}

/** Turns an evaluated condition tree into an outcome: the status and the conditions that decided it. */
export function outcomeOf(tree: ResultNode, table: FactTable, parameters: Record<string, ParameterEvidence>, explain: (status: RuleOutcome['status']) => boolean = () => true): RuleOutcome {
  const t = truth(tree);
  if (t === 'U') return { status: 'undetermined', evidence: [], missing: missingOf(decisiveLeaves(tree, 'U'), table), facts: table };
  const status = t === 'T' ? 'pass' : 'violation';
  return { status, evidence: explain(status) ? decisiveLeaves(tree, t).map((l) => toEvidence(l, table, parameters)) : [], missing: [], facts: table };
}

function pointerOf(table: FactTable, fact: string, path: string | undefined): string | undefined {
  const base = table.get(fact);
  if (base?.pointer === undefined) return undefined;
  return base.pointer + (path ?? '');
}

/** The input fields whose absence left these leaves unknown. */
function missingOf(leaves: ResultNode[], table: FactTable): string[] {
  const out = new Set<string>();
  for (const leaf of leaves) {
    for (const side of [{ fact: leaf.fact!, path: leaf.path, result: leaf.factResult }, isValueFactRef(leaf.value) ? { ...leaf.value, result: leaf.valueResult } : undefined]) {
      if (!side || side.result !== undefined) continue;
      const base = table.get(side.fact);
      if (!base) continue;
      if (base.value === undefined) base.looked.forEach((l) => out.add(l));
      else if (base.pointer !== undefined) out.add(base.pointer + (side.path ?? ''));
      else base.looked.forEach((l) => out.add(l + (side.path ?? '')));
      if (base.value !== undefined && base.pointer === undefined && base.looked.length === 0) out.add(`${side.fact}${side.path ?? ''}`);
    }
  }
  return [...out];
}

function toEvidence(leaf: ResultNode, table: FactTable, parameters: Record<string, ParameterEvidence>): RawEvidence {
  const valueRef = isValueFactRef(leaf.value) ? leaf.value : undefined;
  const paramIds = [
    ...(valueRef?.fact === 'param' && valueRef.path ? [valueRef.path.split('/')[1]!] : []),
    ...(valueRef ? table.get(valueRef.fact)?.params ?? [] : []),
    ...(table.get(leaf.fact!)?.params ?? []),
  ];
  const parameter = paramIds.map((id) => parameters[id]).find((p) => p !== undefined);
  return {
    ...(leaf.name ? { condition: leaf.name } : {}),
    pointer: pointerOf(table, leaf.fact!, leaf.path),
    fact: leaf.fact!,
    ...(leaf.path ? { path: leaf.path } : {}),
    operator: leaf.operator!,
    actual: leaf.factResult !== undefined ? leaf.factResult : getAtPointer(table.get(leaf.fact!)?.value, leaf.path ?? ''),
    expected: valueRef ? leaf.valueResult : leaf.value,
    ...(parameter ? { parameter } : {}),
  };
}
