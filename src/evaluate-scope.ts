import type { LoadedConfig } from './config.js';
import { evaluateRuleOnTarget, evaluateRuleOnTargetCompiled, type RuleOutcome } from './engine/evaluate-rule.js';
import { buildFacts, LazyFactTable, targetFact, type FactTable, type TargetFacts } from './engine/facts.js';
import type { DerivedValue } from './engine/derivations/index.js';
import { scopeJudge, type ScopeJudge } from './engine/scope-judge.js';
import { merger } from './merge.js';
import type { ResolvedParameters } from './packs/parameters.js';
import type { LoadedRule } from './packs/rule-set.js';
import { flatString } from './flat-string.js';
import { getAtPointer, parsePointer, segmentsReader } from './parse/pointer.js';
import { messageFacts, toFinding } from './report/finding.js';
import type { Finding, Report, ScopeDefinition, SourceLocation } from './types.js';

/** Counts of the findings left out of a report made with `findings: 'problems'`. */
export type OmittedCounts = NonNullable<Report['omitted']>;

/** What every scope of one deployment's evaluation shares. */
export interface DeploymentRun {
  config: LoadedConfig;
  rules: LoadedRule[];
  params: ResolvedParameters;
  asOf: string;
  /** Given when only problems are listed: passing and not-applicable outcomes are counted here. */
  omitted: OmittedCounts | undefined;
}

/**
 * The findings of one deployment as its scopes are listed: per rule, each rule's in document order,
 * and whether they are all located in one file (then, joined in the order of rule ids, they are in
 * report order already).
 */
export class FindingsByRule {
  readonly byRule: Finding[][];
  /** The file every finding so far is located in ('' for none). */
  private file: string | undefined;
  oneFile = true;

  constructor(ruleCount: number) {
    this.byRule = Array.from({ length: ruleCount }, (): Finding[] => []);
  }

  add(rule: number, finding: Finding): void {
    const at = finding.location?.file ?? '';
    if (this.file === undefined) this.file = at;
    else if (at !== this.file) this.oneFile = false;
    this.byRule[rule]!.push(finding);
  }
}

/**
 * Lists the rules of one scope (the cameras, the users…) on each of its targets, target by target:
 * the targets (camera defaults merged in) are made when their turn comes and dropped after, and the
 * scope's rules read each target's facts as values (scope-judge.ts), sharing the facts they have in
 * common. When only problems are listed, the judge judges each target's rules at once and counts
 * what passes or does not apply; only the rest is evaluated again, with its evidence, and listed.
 *
 * A class rather than a closure per evaluation: its methods are the same functions from one
 * evaluation to the next, and the loop over 100,000s of targets is a synchronous method of its
 * own. Inside the evaluation's async function, with the reference engine's `await` in it, V8
 * compiled that loop again at each evaluation (a few tens of milliseconds of CPU, each time the
 * code was dropped for an object shape it had not seen).
 */
export class ScopeListing {
  private readonly count: number;
  private readonly list: unknown[] | undefined;
  /** The pointer of the list and a slash, which each target's pointer starts with. */
  private readonly itemPrefix: string;
  private readonly merge: (value: unknown) => unknown;
  private readonly readId: ((target: unknown) => unknown) | undefined;
  private readonly judge: ScopeJudge | undefined;
  /** Per rule of the scope: the facts it shares across targets, and one object updated in place for each target. */
  private readonly factsOf: Array<TargetFacts | undefined> = [];
  private readonly locate: (pointer: string) => SourceLocation | undefined;
  /** Per rule of the scope: what its findings' messages read of the values judged (without computing their provenance again). */
  private readonly judgedFactValues: Array<ReadonlyArray<(() => unknown) | undefined> | undefined>;

  constructor(
    private readonly run: DeploymentRun,
    private readonly scope: ScopeDefinition & { each: string },
    /** The indices in `run.rules` of the scope's rules. */
    private readonly members: readonly number[],
    compiled: boolean,
  ) {
    const data = run.config.data;
    if (scope.each === '') {
      this.count = 1;
      this.list = undefined;
    } else {
      const list = getAtPointer(data, scope.each);
      this.list = Array.isArray(list) ? list : undefined;
      this.count = this.list?.length ?? 0;
    }
    this.itemPrefix = `${scope.each}/`;
    this.merge = merger(scope.defaults !== undefined ? getAtPointer(data, scope.defaults) : undefined);
    this.readId = scope.id ? segmentsReader(parsePointer(scope.id)) : undefined;
    // The targets are the deployment's own items (or the deployment), merged with its defaults.
    this.judge = compiled ? scopeJudge(members.map((i) => run.rules[i]!.definition), data, run.params.values, run.asOf, true) : undefined;
    const source = run.config.source;
    this.locate = (p) => source?.locate(p);
    const judge = this.judge;
    this.judgedFactValues = members.map((i, k) => judge && messageFacts(run.rules[i]!.definition)?.map((name) => judge.factReader(k, name)));
  }

  private target(t: number): unknown {
    return this.list === undefined ? this.run.config.data : this.merge(this.list[t]);
  }

  /** joinPointer(each, t), made once as one flat string: the findings of the target all keep it. */
  private pointer(t: number): string {
    return this.list === undefined ? '' : flatString(this.itemPrefix + t);
  }

  private targetIdOf(target: unknown): string | undefined {
    if (this.readId === undefined) return undefined;
    const v = this.readId(target);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  }

  /** The facts the scope's rule `k` reads on this target (one object per rule, updated in place). */
  private facts(k: number, target: unknown, pointer: string, targetId: string | undefined, fact: DerivedValue): TargetFacts {
    let facts = this.factsOf[k];
    if (!facts) {
      // The compiled path computes derived facts when first read.
      const table: FactTable = this.judge ? new LazyFactTable() : new Map();
      const { config, params, asOf } = this.run;
      facts = this.factsOf[k] = { target, pointer, targetId, deployment: config.data, params: params.values, asOf, shared: new Map(), table };
    }
    facts.target = target;
    facts.pointer = pointer;
    facts.targetId = targetId;
    facts.targetFact = fact;
    return facts;
  }

  /** Counts the outcome of rule `k` on this target, or adds its finding to `into`. */
  private record(into: FindingsByRule, k: number, outcome: RuleOutcome | 'pass' | 'not-applicable', target: unknown, pointer: string, targetId: string | undefined, judged: boolean): void {
    const omitted = this.run.omitted;
    if (typeof outcome === 'string') omitted![outcome]++;
    else if (omitted && (outcome.status === 'pass' || outcome.status === 'not-applicable')) omitted[outcome.status]++;
    else {
      const { config, rules, params, asOf } = this.run;
      const location = config.source?.locate(pointer) ?? (config.file ? { file: config.file, line: 1, column: 1 } : undefined);
      const factValues = judged ? this.judgedFactValues[k] : undefined;
      const i = this.members[k]!;
      into.add(i, toFinding(rules[i]!, outcome, { target, pointer, targetId, asOf, params: params.values, location, locate: this.locate, factValues }));
    }
  }

  /** Lists the scope with the compiled conditions, synchronously. */
  listCompiled(into: FindingsByRule): void {
    const judge = this.judge!;
    const { rules, params, omitted } = this.run;
    const members = this.members;
    const countOnly = omitted !== undefined;
    // The scope's rules to list on the current target (all of them when every outcome is listed).
    const listed: number[] = [];
    for (let t = 0; t < this.count; t++) {
      const target = this.target(t);
      const targetId = this.targetIdOf(target);
      judge.next(target, targetId);
      const n = countOnly ? judge.judgeTarget(listed) : members.length;
      let pointer: string | undefined; // made for a listed outcome only: judging does not read it
      let fact: DerivedValue | undefined;
      for (let j = 0; j < n; j++) {
        const k = countOnly ? listed[j]! : j;
        const rule = rules[members[k]!]!;
        pointer ??= this.pointer(t);
        const facts = this.facts(k, target, pointer, targetId, (fact ??= targetFact(target, pointer)));
        // A target the judge sent here is listed: its outcome is decided on the values judged, and
        // only the facts the deciding conditions name are computed again with their provenance.
        const judged = judge.planned(k);
        const outcome = judged ? judge.outcome(k, buildFacts(rule.definition, facts), params.evidence)! : evaluateRuleOnTargetCompiled(rule, facts, params.evidence, countOnly);
        this.record(into, k, outcome, target, pointer, targetId, judged);
      }
    }
    if (countOnly) {
      omitted.pass += judge.counts.pass;
      omitted['not-applicable'] += judge.counts['not-applicable'];
    }
  }

  /** Lists the scope with json-rules-engine, every rule on every target. */
  async listReference(into: FindingsByRule): Promise<void> {
    const { rules, params } = this.run;
    for (let t = 0; t < this.count; t++) {
      const target = this.target(t);
      const targetId = this.targetIdOf(target);
      const pointer = this.pointer(t);
      const fact = targetFact(target, pointer);
      for (let k = 0; k < this.members.length; k++) {
        const outcome = await evaluateRuleOnTarget(rules[this.members[k]!]!, this.facts(k, target, pointer, targetId, fact), params.evidence);
        this.record(into, k, outcome, target, pointer, targetId, false);
      }
    }
  }
}
