import { isPlainFrozen, isPlainValue } from '../parse/freeze.js';
import { parsePointer, plainDataReader, segmentsReader, type PathReaders } from '../parse/pointer.js';
import type { ParameterEvidence, RuleDefinition } from '../types.js';
import { outcomeOfCompiled, type RuleOutcome } from './evaluate-rule.js';
import type { FactTable } from './facts.js';
import { compileConditions, conditionsName, type CompiledConditions } from './compile/conditions.js';
import { derivation } from './derivations/index.js';
import { isFactRef, type ValueReader } from './derivations/derivation.js';
import { F, T, TRUTH } from './compile/judged.js';

/**
 * What the rules of one scope (the cameras, the users…) decide on the current target, from the
 * values of their facts alone. A passing or not-applicable outcome only needs to be counted when
 * the report lists problems; anything else is `list`, and is evaluated again with its evidence.
 */
export type Verdict = 'pass' | 'not-applicable' | 'list';

export interface ScopeJudge {
  /** Moves to the next target: the facts computed for the previous one are forgotten. */
  next(target: unknown, targetId: string | undefined): void;
  /** The verdict of the scope's rule at `index` (in the order given) on the current target. */
  verdict(index: number): Verdict;
  /**
   * Every rule's verdict on the current target, at once: passing and not-applicable outcomes are
   * counted (see `counts`), the indices of the rules to list are written to `into` from its start,
   * in order; returns how many. The verdicts `verdict` gives, without a call and a string per rule.
   */
  judgeTarget(into: number[]): number;
  /** The passing and not-applicable outcomes `judgeTarget` has counted. */
  readonly counts: { pass: number; 'not-applicable': number };
  /**
   * The outcome of the rule at `index` on the current target, decided on the values judged (the
   * outcome json-rules-engine's trees would give, see compile/conditions.ts), with the provenance
   * of its evidence read from `table`; undefined for a rule this could not plan.
   */
  outcome(index: number, table: FactTable, parameters: Record<string, ParameterEvidence>): RuleOutcome | undefined;
  /**
   * Whether the paths are read as plain data, without asking at each step whether a value is the
   * object's own (see planFor): for targets taken from a deployment parseConfig made, unless
   * something forbids it.
   */
  readonly readsPlainData: boolean;
  /** Whether the rule at `index` could be planned (its verdicts and outcomes come from here). */
  planned(index: number): boolean;
  /**
   * What reads the fact `name` of the rule at `index` on the current target (computed when first
   * read): the value the full evaluation's fact table holds, without its provenance. Undefined for
   * a rule this could not plan or a name it does not declare.
   */
  factReader(index: number, name: string): (() => unknown) | undefined;
}

/**
 * A target's facts as values, for one call: the deployment and parameters, the target, then slots
 * for derived facts. A per-target slot is valid for the target whose `epoch` stamped it, so moving
 * to the next target clears nothing; a slot that does not read the target is stamped `WHOLE_CALL`.
 */
interface Frame {
  deployment: unknown;
  params: Record<string, unknown>;
  target: unknown;
  targetId: string | undefined;
  epoch: number;
  values: unknown[];
  stamps: number[];
}

const UNSET = -1;
const WHOLE_CALL = -2;

/** A fact as the rules of the scope see it: a reader of its value, and the key that names what it computes. */
interface Binding {
  key: string;
  read: ValueReader<Frame>;
  /** The value may change from one target to the next (it reads the target, directly or not). */
  perTarget: boolean;
}

interface JudgedRule {
  appliesIf?: CompiledConditions<Frame>;
  conditions: CompiledConditions<Frame>;
  /** The rule's facts by name, built-in ones included. */
  facts: ReadonlyMap<string, Binding>;
}

/** The same argument, encoded so that two rules declaring the same derived fact get the same key. */
function encode(value: unknown, refKey: (ref: { fact: string; path?: string }) => string): string {
  if (isFactRef(value)) return refKey(value);
  if (Array.isArray(value)) return `[${value.map((v) => encode(v, refKey)).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${encode((value as Record<string, unknown>)[k], refKey)}`).join(',')}}`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value); // JSON would confuse -0 with 0 and NaN with null
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/**
 * The rules of one scope compiled for one date: readers and judges that take the call's frame, so
 * that they can be kept and reused by every evaluation of the same rules on that date. Keeping
 * them matters beyond the compilation saved: V8 keeps the optimized code of closures made at one
 * place only while one of them lives, and a full garbage collection between two evaluations
 * would otherwise send every judge back to the interpreter.
 */
interface ScopePlan {
  judged: Array<JudgedRule | undefined>;
  slotCount: number;
  /** Whether it reads paths as plain data (see planFor). */
  plain: boolean;
  /** For a plan reading plain data: every name its paths read. */
  names: readonly string[];
}

/**
 * Compiles the rules of one scope for one date. Each derived fact is a slot computed when first
 * read for a target, as the full evaluation's LazyFactTable does, and rules that declare the same
 * derivation on the same arguments share its slot: derivations are pure functions of their
 * arguments' values. A rule this cannot plan (a fact read before it is declared, `earlier` facts
 * of a stream) always gets `list`, so the full evaluation decides it.
 */
function compileScopePlan(rules: readonly RuleDefinition[], asOf: string, plain: boolean): ScopePlan {
  const names = new Set<string>();
  const readers: PathReaders = plain
    ? (segments) => {
        for (const s of segments) names.add(s);
        return plainDataReader(segments);
      }
    : segmentsReader;
  const builtins: Array<[string, Binding]> = [
    ['target', { key: 'target', read: (f) => f.target, perTarget: true }],
    ['targetId', { key: 'targetId', read: (f) => f.targetId, perTarget: true }],
    ['deployment', { key: 'deployment', read: (f) => f.deployment, perTarget: false }],
    ['param', { key: 'param', read: (f) => f.params, perTarget: false }],
    ['asOf', { key: 'asOf', read: () => asOf, perTarget: false }],
  ];
  const slots = new Map<string, Binding>();
  let slotCount = 0;

  const slot = (key: string, compute: ValueReader<Frame>, perTarget: boolean): Binding => {
    const i = slotCount++;
    const read = perTarget
      ? (f: Frame) => {
          if (f.stamps[i] === f.epoch) return f.values[i];
          const value = compute(f);
          f.values[i] = value;
          f.stamps[i] = f.epoch;
          return value;
        }
      : (f: Frame) => {
          if (f.stamps[i] === WHOLE_CALL) return f.values[i];
          const value = compute(f);
          f.values[i] = value;
          f.stamps[i] = WHOLE_CALL;
          return value;
        };
    return { key, read, perTarget };
  };

  const plan = (rule: RuleDefinition): JudgedRule | undefined => {
    if (rule.earlier !== undefined && Object.keys(rule.earlier).length > 0) return undefined;
    const facts = new Map<string, Binding>(builtins);
    for (const [name, spec] of Object.entries(rule.facts ?? {})) {
      const [fn, args] = Object.entries(spec)[0]!;
      const d = derivation(fn);
      if (!d) return undefined;
      let plannable = true;
      let perTarget = false;
      const key = `${fn}(${encode(args, (ref) => {
        const b = facts.get(ref.fact);
        if (!b) plannable = false;
        else if (b.perTarget) perTarget = true;
        return `@${JSON.stringify(b?.key ?? '')}${JSON.stringify(ref.path ?? '')}`;
      })})`;
      if (!plannable) return undefined;
      let binding = slots.get(key);
      if (!binding) {
        const compute = d.compileValue<Frame>(
          args,
          (a) => {
            if (!isFactRef(a)) return () => a;
            const base = facts.get(a.fact)!.read;
            if (!a.path) return base;
            // As descend does: a path inside an unknown value is unknown.
            const at = readers(parsePointer(a.path));
            return (f) => {
              const v = base(f);
              return v === undefined ? undefined : at(v);
            };
          },
          asOf,
          readers,
        );
        binding = slot(key, compute, perTarget);
        slots.set(key, binding);
      }
      facts.set(name, binding);
    }
    const bind = (fact: string): ValueReader<Frame> => facts.get(fact)?.read ?? (() => undefined);
    return {
      appliesIf: rule.appliesIf ? compileConditions(rule.appliesIf, conditionsName(rule.id, 'appliesIf'), bind, undefined, readers) : undefined,
      conditions: compileConditions(rule.conditions, conditionsName(rule.id, 'conditions'), bind, undefined, readers),
      facts,
    };
  };
  const judged = rules.map(plan);
  return { judged, slotCount, plain, names: [...names] };
}

/** Plans kept for reuse, by rules and date; bounded, as a long-running process may see many dates. */
const plans = new Map<string, ScopePlan>();
const PLAN_CACHE_SIZE = 64;
const ruleKeys = new WeakMap<RuleDefinition, number>();
let nextRuleKey = 0;

function scopePlan(rules: readonly RuleDefinition[], asOf: string, plain: boolean): ScopePlan {
  let key = `${asOf},${plain}`;
  for (const rule of rules) {
    let k = ruleKeys.get(rule);
    if (k === undefined) ruleKeys.set(rule, (k = nextRuleKey++));
    key += `,${k}`;
  }
  let plan = plans.get(key);
  if (!plan) {
    plan = compileScopePlan(rules, asOf, plain);
    if (plans.size >= PLAN_CACHE_SIZE) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

/**
 * The plan for this call. The paths are read without a hasOwnProperty call at each step (see
 * plainDataReader) when everything the rules can read is plain data: a deployment parseConfig
 * made (deep-frozen, so it stays so), parameters and rule arguments checked now, and targets taken
 * from that deployment (its items, merged with their defaults: not events a caller gives); and
 * when Object.prototype has none of the names the plan reads (added to it since, they would be
 * read as if each object had them). Otherwise each step checks.
 */
function planFor(rules: readonly RuleDefinition[], deployment: unknown, params: Record<string, unknown>, asOf: string, targetsInDeployment: boolean): ScopePlan {
  const plain = targetsInDeployment && isPlainFrozen(deployment) && isPlainValue(params) && rules.every(plainArguments);
  const plan = scopePlan(rules, asOf, plain);
  return plain && plan.names.some((name) => name in Object.prototype) ? scopePlan(rules, asOf, false) : plan;
}

const plainRuleArguments = new WeakMap<RuleDefinition, boolean>();

/** Whether the values a rule's derived facts are given are plain data (a rule loaded from its file always is). */
function plainArguments(rule: RuleDefinition): boolean {
  let plain = plainRuleArguments.get(rule);
  if (plain === undefined) plainRuleArguments.set(rule, (plain = isPlainValue(rule.facts ?? null)));
  return plain;
}

const PASS = 0;
const NOT_APPLICABLE = 1;
const LIST = 2;
const VERDICTS: readonly Verdict[] = ['pass', 'not-applicable', 'list'];

/**
 * A rule's verdict on the frame's target, as a number (an index of VERDICTS): its judges called
 * directly, their packed judgements read as numbers, for a million outcomes without a string each.
 */
function verdictOf(r: JudgedRule | undefined, frame: Frame): number {
  if (r === undefined) return LIST;
  if (r.appliesIf !== undefined) {
    const t = r.appliesIf.judgeBits(frame) & TRUTH;
    if (t === F) return NOT_APPLICABLE;
    if (t !== T) return LIST;
  }
  return (r.conditions.judgeBits(frame) & TRUTH) === T ? PASS : LIST;
}

/**
 * Judges the rules of one scope on one deployment with its parameters, target after target. The
 * rules are compiled once per date (see ScopePlan); rule definitions are not expected to change
 * once loaded, as for the compiled conditions of the full evaluation.
 */
export function scopeJudge(
  rules: readonly RuleDefinition[],
  deployment: unknown,
  params: Record<string, unknown>,
  asOf: string,
  /** Whether every target is made from the deployment itself (its items with their defaults), so plain when it is. */
  targetsInDeployment = false,
): ScopeJudge {
  const plan = planFor(rules, deployment, params, asOf, targetsInDeployment);
  const { judged, slotCount } = plan;
  const frame: Frame = {
    deployment,
    params,
    target: undefined,
    targetId: undefined,
    epoch: 0,
    values: new Array<unknown>(slotCount).fill(undefined),
    stamps: new Array<number>(slotCount).fill(UNSET),
  };

  const counts = { pass: 0, 'not-applicable': 0 };
  return {
    counts,
    readsPlainData: plan.plain,
    next(target, targetId) {
      frame.target = target;
      frame.targetId = targetId;
      frame.epoch++;
    },
    verdict(index) {
      return VERDICTS[verdictOf(judged[index], frame)]!;
    },
    judgeTarget(into) {
      let n = 0;
      for (let k = 0; k < judged.length; k++) {
        const v = verdictOf(judged[k], frame);
        if (v === LIST) into[n++] = k;
        else if (v === PASS) counts.pass++;
        else counts['not-applicable']++;
      }
      return n;
    },
    planned(index) {
      return judged[index] !== undefined;
    },
    outcome(index, table, parameters) {
      const r = judged[index];
      return r ? outcomeOfCompiled(r, frame, table, parameters) : undefined;
    },
    factReader(index, name) {
      const binding = judged[index]?.facts.get(name);
      return binding && (() => binding.read(frame));
    },
  };
}
