import type { Engine } from 'json-rules-engine';
import { getAtPointer } from '../parse/pointer.js';
import type { LoadedRule } from '../packs/rule-set.js';
import type { FindingStatus, ParameterEvidence } from '../types.js';
import { buildFacts, factValues, LazyFactTable, type FactTable, type TargetFacts } from './facts.js';
import { compileConditions, conditionsName, type CompiledConditions, type Decision } from './compile/conditions.js';
import { conditionEngine, runConditions } from './json-rules-engine.js';
import { evidenceObject } from './evidence-object.js';
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

/**
 * How conditions are evaluated: `compiled` (default) runs each rule's condition tree compiled once
 * into synchronous code that builds the result tree json-rules-engine would; `reference` runs
 * json-rules-engine itself. Both give the same findings (see docs/performance.md).
 */
export type ConditionEngine = 'compiled' | 'reference';

const engines = new WeakMap<LoadedRule, Promise<{ appliesIf?: Engine; conditions: Engine }>>();

function enginesOf(rule: LoadedRule): Promise<{ appliesIf?: Engine; conditions: Engine }> {
  let e = engines.get(rule);
  if (!e) {
    const d = rule.definition;
    e = (async () => ({
      appliesIf: d.appliesIf ? await conditionEngine(d.appliesIf, `${d.id}#appliesIf`) : undefined,
      conditions: await conditionEngine(d.conditions, d.id),
    }))();
    engines.set(rule, e);
  }
  return e;
}

const compiled = new WeakMap<LoadedRule, { appliesIf?: CompiledConditions; conditions: CompiledConditions }>();

/** The rule's conditions compiled (once per loaded rule). Throws ConditionCompileError on what cannot be compiled. */
export function compiledRule(rule: LoadedRule): { appliesIf?: CompiledConditions; conditions: CompiledConditions } {
  let c = compiled.get(rule);
  if (!c) {
    const d = rule.definition;
    c = {
      appliesIf: d.appliesIf ? compileConditions(d.appliesIf, conditionsName(d.id, 'appliesIf')) : undefined,
      conditions: compileConditions(d.conditions, conditionsName(d.id, 'conditions')),
    };
    compiled.set(rule, c);
  }
  return c;
}

/** Evaluates one rule on one target with json-rules-engine, in three-valued logic. */
export async function evaluateRuleOnTarget(rule: LoadedRule, target: TargetFacts, parameters: Record<string, ParameterEvidence>): Promise<RuleOutcome> {
  const table = buildFacts(rule.definition, target);
  const values = factValues(table);
  const { appliesIf, conditions } = await enginesOf(rule);
  if (appliesIf) {
    const inapplicable = notApplicable(decisionOf(await runConditions(appliesIf, values)), table, parameters);
    if (inapplicable) return inapplicable;
  }
  return outcomeOf(await runConditions(conditions, values), table, parameters);
}

/**
 * Evaluates one rule on one target with its compiled conditions: same outcome as
 * evaluateRuleOnTarget, synchronously. With `countOnly`, a pass or not-applicable outcome comes
 * back as its status alone (no evidence is gathered for a finding that will not be listed).
 */
export function evaluateRuleOnTargetCompiled(rule: LoadedRule, target: TargetFacts, parameters: Record<string, ParameterEvidence>, countOnly = false): RuleOutcome | 'pass' | 'not-applicable' {
  const table = buildFacts(rule.definition, target);
  const compiledConditions = compiledRule(rule);
  if (countOnly) {
    // Counting a pass needs no evidence; anything listed is evaluated again for it.
    const { appliesIf, conditions } = compiledConditions;
    const t = appliesIf ? appliesIf.judge(table) : 'T';
    if (t === 'F') return 'not-applicable';
    if (t === 'T') {
      if (conditions.judge(table) === 'T') return 'pass';
      return outcomeOfDecision(conditions.decide(table), table, parameters); // appliesIf is known to hold
    }
  }
  return outcomeOfCompiled(compiledConditions, table, table, parameters);
}

/**
 * A rule's outcome from its compiled conditions, `appliesIf` (if the rule has one) decided first.
 * The conditions may read any reader of the target's fact values; the evidence's provenance
 * (pointers, places looked at, parameters) is read from `table`, for the facts the deciding
 * conditions name.
 */
export function outcomeOfCompiled<R>(rule: { appliesIf?: CompiledConditions<R>; conditions: CompiledConditions<R> }, read: R, table: FactTable, parameters: Record<string, ParameterEvidence>): RuleOutcome {
  if (rule.appliesIf) {
    const inapplicable = notApplicable(rule.appliesIf.decide(read), table, parameters);
    if (inapplicable) return inapplicable;
  }
  return outcomeOfDecision(rule.conditions.decide(read), table, parameters);
}

/** The outcome when `appliesIf` does not hold (false) or cannot be decided (unknown); undefined when it holds. */
function notApplicable(d: Decision, table: FactTable, parameters: Record<string, ParameterEvidence>): RuleOutcome | undefined {
  if (d.truth === 'F') return { status: 'not-applicable', evidence: d.leaves.map((l) => toEvidence(l, table, parameters)), missing: [], facts: table };
  if (d.truth === 'U') return { status: 'undetermined', evidence: [], missing: missingOf(d.leaves, table), facts: table };
  return undefined;
}

/** Turns an evaluated condition tree into an outcome: the status and the conditions that decided it. */
export function outcomeOf(tree: ResultNode, table: FactTable, parameters: Record<string, ParameterEvidence>): RuleOutcome {
  return outcomeOfDecision(decisionOf(tree), table, parameters);
}

/** What `decide` gives, read from a whole result tree (json-rules-engine's). */
function decisionOf(tree: ResultNode): Decision {
  const t = truth(tree);
  return { truth: t, leaves: decisiveLeaves(tree, t) };
}

/** outcomeOf, from the truth of the tree and its decisive leaves. */
function outcomeOfDecision(d: Decision, table: FactTable, parameters: Record<string, ParameterEvidence>): RuleOutcome {
  if (d.truth === 'U') return { status: 'undetermined', evidence: [], missing: missingOf(d.leaves, table), facts: table };
  return { status: d.truth === 'T' ? 'pass' : 'violation', evidence: d.leaves.map((l) => toEvidence(l, table, parameters)), missing: [], facts: table };
}

function pointerOf(table: FactTable, fact: string, path: string | undefined): string | undefined {
  const base = table.get(fact);
  if (base?.pointer === undefined) return undefined;
  return base.pointer + (path ?? '');
}

/** The input fields whose absence left these leaves unknown. */
function missingOf(leaves: ResultNode[], table: FactTable): string[] {
  const out = new Places();
  for (const leaf of leaves) {
    if (leaf.factResult === undefined) addMissing(out, table, leaf.fact!, leaf.path);
    if (isValueFactRef(leaf.value) && leaf.valueResult === undefined) addMissing(out, table, leaf.value.fact, leaf.value.path);
  }
  return out.done();
}

/**
 * Places named once each, in the order of first mention, for a finding to keep. Most outcomes
 * name one or two: they are kept apart and given as a list of their own length (a list grown by
 * push has room for 17, 76 bytes, which a large report kept for each undetermined finding);
 * longer lists are grown, and a Set is made to seek in a long one.
 */
class Places {
  private first: string | undefined;
  private second: string | undefined;
  private list: string[] | undefined;
  private seen: Set<string> | undefined;

  add(place: string): void {
    if (this.first === undefined) this.first = place;
    else if (this.list === undefined) {
      if (place === this.first || place === this.second) return;
      if (this.second === undefined) this.second = place;
      else this.list = [this.first, this.second, place];
    } else if (this.seen) {
      if (this.seen.has(place)) return;
      this.seen.add(place);
      this.list.push(place);
    } else {
      if (this.list.includes(place)) return;
      if (this.list.length === LONG_LIST) this.seen = new Set([...this.list, place]);
      this.list.push(place);
    }
  }

  done(): string[] {
    if (this.list !== undefined) return this.list;
    if (this.first === undefined) return [];
    return this.second === undefined ? [this.first] : [this.first, this.second];
  }
}

const LONG_LIST = 16;

/** The places behind an unknown side of a comparison: its fact's pointer, or where the fact was looked for. */
function addMissing(out: Places, table: FactTable, fact: string, path: string | undefined): void {
  const base = table.get(fact);
  if (!base) return;
  if (base.value === undefined) for (const l of base.looked) out.add(l);
  else if (base.pointer !== undefined) out.add(base.pointer + (path ?? ''));
  else for (const l of base.looked) out.add(l + (path ?? ''));
  if (base.value !== undefined && base.pointer === undefined && base.looked.length === 0) out.add(`${fact}${path ?? ''}`);
}

function toEvidence(leaf: ResultNode, table: FactTable, parameters: Record<string, ParameterEvidence>): RawEvidence {
  const valueRef = isValueFactRef(leaf.value) ? leaf.value : undefined;
  const fact = leaf.fact!;
  // A fact known to have no parameter, or no place, is not computed again to find them out.
  const known = table instanceof LazyFactTable ? table.known : undefined;
  // The first parameter behind the comparison: one the value names, then those the facts depend on.
  let parameter: ParameterEvidence | undefined;
  if (valueRef?.fact === 'param' && valueRef.path) parameter = parameters[valueRef.path.split('/')[1]!];
  if (!parameter && valueRef && !known?.noParameter.has(valueRef.fact)) parameter = firstParameter(table.get(valueRef.fact)?.params, parameters);
  if (!parameter && !known?.noParameter.has(fact)) parameter = firstParameter(table.get(fact)?.params, parameters);
  const pointer = known?.noPointer.has(fact) ? undefined : pointerOf(table, fact, leaf.path);
  const actual = leaf.factResult !== undefined ? leaf.factResult : getAtPointer(table.get(fact)?.value, leaf.path ?? '');
  const expected = valueRef ? leaf.valueResult : leaf.value;
  return evidenceObject(leaf.name || undefined, pointer, fact, leaf.path || undefined, leaf.operator!, actual, expected, parameter);
}

function firstParameter(ids: string[] | undefined, parameters: Record<string, ParameterEvidence>): ParameterEvidence | undefined {
  if (ids) for (const id of ids) if (parameters[id] !== undefined) return parameters[id];
  return undefined;
}
