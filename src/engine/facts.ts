import type { ParameterEvidence, RuleDefinition } from '../types.js';
import { derivation, type Derivation } from './derivations/index.js';
import { descend, isFactRef, literal, type DerivationContext, type DerivedValue } from './derivations/derivation.js';
import type { StreamMemory } from './earlier.js';

/** What a rule sees of one target: the input around it and the parameters in force. */
export interface TargetFacts {
  target: unknown;
  pointer: string;
  targetId?: string;
  deployment: unknown;
  params: Record<string, unknown>;
  asOf: string;
  /** For a streamed scope: what earlier targets left for the rules' `earlier` facts. */
  memory?: StreamMemory;
  /**
   * Facts that are the same for every target of one deployment (deployment, param, asOf and the
   * derived facts that read only those), kept here by evaluate so that they are computed once per
   * rule and deployment rather than once per target. Optional: without it everything is computed.
   */
  shared?: Map<string, DerivedValue>;
  /**
   * A table to fill instead of a new one (evaluate reuses one per rule: the facts are set in the
   * same order for every target, so each target overwrites the last). Whoever passes it must be
   * done with the previous target's table, outcome included, before the next call.
   */
  table?: FactTable;
  /** The `target` fact when already made (see targetFact); made here otherwise. */
  targetFact?: DerivedValue;
}

/** The built-in `target` fact: the target, found at its pointer. */
export function targetFact(target: unknown, pointer: string): DerivedValue {
  return { value: target, pointer, looked: [pointer], params: NONE };
}

/** A derived fact of a rule, looked up once: its function, its arguments, and whether it reads the target. */
interface PlannedFact {
  name: string;
  derivation: Derivation;
  args: unknown;
  perTarget: boolean;
}

const plans = new WeakMap<RuleDefinition, PlannedFact[]>();

/** The rule's derived facts in order; `perTarget` when one depends on the target, directly or through another. */
export function factPlan(rule: RuleDefinition): PlannedFact[] {
  let plan = plans.get(rule);
  if (!plan) {
    // `earlier` facts are looked up with the target's values: they, and what reads them, vary per target.
    const dependent = new Set(['target', 'targetId', ...Object.keys(rule.earlier ?? {})]);
    plan = Object.entries(rule.facts ?? {}).map(([name, spec]) => {
      const [fn, args] = Object.entries(spec)[0]!;
      const perTarget = readsAny(args, dependent);
      if (perTarget) dependent.add(name);
      return { name, derivation: derivation(fn)!, args, perTarget };
    });
    plans.set(rule, plan);
  }
  return plan;
}

/** What is known of a rule's facts' provenance without computing them (see knownProvenance). */
export interface KnownProvenance {
  /** Facts that depend on no parameter, on any target. */
  noParameter: ReadonlySet<string>;
  /** Derived facts that never have a `pointer` (their derivation is `pointerless`). */
  noPointer: ReadonlySet<string>;
}

const provenances = new WeakMap<RuleDefinition, KnownProvenance>();

/**
 * What the evidence of a rule's conditions can say of their facts' provenance without computing
 * them again. A derivation's parameters are those of the arguments it reads, and an argument reads
 * one only as `{ fact: param, path }` or through a derived fact that does: a fact depends on no
 * parameter when each fact its arguments read is a built-in one, an `earlier` one or another such
 * fact (but `param` at a path). A fact of a `pointerless` derivation never has a place.
 */
export function knownProvenance(rule: RuleDefinition): KnownProvenance {
  let known = provenances.get(rule);
  if (!known) {
    const noParameter = new Set(['target', 'targetId', 'deployment', 'param', 'asOf', ...Object.keys(rule.earlier ?? {})]);
    const noPointer = new Set<string>();
    for (const f of factPlan(rule)) {
      if (f.derivation === undefined) continue;
      if (f.derivation.pointerless === true) noPointer.add(f.name);
      if (readsOnly(f.args, noParameter)) noParameter.add(f.name);
    }
    provenances.set(rule, (known = { noParameter, noPointer }));
  }
  return known;
}

/** Whether every fact `args` reads is in `facts`, and none is a parameter read at a path. */
function readsOnly(args: unknown, facts: ReadonlySet<string>): boolean {
  return factRefs(args).every((r) => facts.has(r.fact) && !(r.fact === 'param' && r.path));
}

function readsAny(args: unknown, facts: Set<string>): boolean {
  return factRefs(args).some((r) => facts.has(r.fact));
}

/** The fact references among a rule's arguments, at any depth. */
function factRefs(args: unknown, into: Array<{ fact: string; path?: string }> = []): Array<{ fact: string; path?: string }> {
  if (isFactRef(args)) into.push(args);
  else if (Array.isArray(args)) for (const a of args) factRefs(a, into);
  else if (args !== null && typeof args === 'object') for (const a of Object.values(args)) factRefs(a, into);
  return into;
}

/** Shared by the built-in facts that have no provenance; frozen, so that a derivation changing it fails loudly. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** An unstated fact; frozen and shared, like the literals below. */
const UNDEFINED: DerivedValue = Object.freeze({ value: undefined, looked: NONE, params: NONE });

/**
 * A rule's literal argument as a derived value. Literals are read again on every target: a
 * primitive one (`all`, `algorithmic-processing`) is made once and shared, frozen so that a
 * derivation changing it fails loudly. Zero is not shared, so that -0 stays -0.
 */
const literals = new Map<unknown, DerivedValue>();
function literalOf(arg: unknown): DerivedValue {
  if ((arg !== null && typeof arg === 'object') || arg === 0) return literal(arg);
  let l = literals.get(arg);
  if (l === undefined) {
    l = Object.freeze({ value: arg, looked: NONE, params: NONE });
    if (literals.size < 1024) literals.set(arg, l);
  }
  return l;
}

/** isFactRef, remembered per argument object (rule arguments are read again on every target). */
const refs = new WeakMap<object, boolean>();
function isRef(arg: unknown): arg is { fact: string; path?: string } {
  if (arg === null || typeof arg !== 'object') return false;
  let yes = refs.get(arg);
  if (yes === undefined) {
    yes = isFactRef(arg);
    refs.set(arg, yes);
  }
  return yes;
}

/** Every fact of a target with its provenance: the built-in ones, then the rule's derived facts in order. */
export type FactTable = Map<string, DerivedValue>;

/** The facts every rule has, before its own: target, targetId, deployment, param, asOf. */
export function builtinFacts(t: TargetFacts): FactTable {
  const table: FactTable = new Map();
  table.set('target', t.targetFact ?? targetFact(t.target, t.pointer));
  table.set('targetId', { value: t.targetId, looked: NONE, params: NONE });
  table.set('deployment', { value: t.deployment, pointer: '', looked: [''], params: [] });
  table.set('param', { value: t.params, looked: [], params: [] });
  table.set('asOf', literal(t.asOf));
  return table;
}

/** Reads a rule's argument in `table`: a literal as it is, a fact reference with its provenance. */
function resolverOf(table: FactTable): (arg: unknown) => DerivedValue {
  // The deployment and the parameters are the same facts for every target of a table: what an
  // argument reads in them (the acts, a parameter) is read once per fact and argument.
  const once = new Map<object, { base: DerivedValue; read: DerivedValue }>();
  return (arg) => {
    if (!isRef(arg)) return literalOf(arg);
    const base = table.get(arg.fact) ?? UNDEFINED;
    const whole = arg.fact === 'deployment' || arg.fact === 'param';
    if (whole) {
      const known = once.get(arg);
      if (known !== undefined && known.base === base) return known.read;
    }
    const r = descend(base, arg.path);
    const read = arg.fact === 'param' && arg.path ? { value: r.value, pointer: r.pointer, looked: r.looked, params: [arg.path.split('/')[1]!] } : r;
    if (whole) once.set(arg, { base, read });
    return read;
  };
}

export function buildFacts(rule: RuleDefinition, t: TargetFacts): FactTable {
  const table: FactTable = t.table ?? new Map();
  const shared = t.shared;
  const lazy = table instanceof LazyFactTable ? table : undefined;
  // The previous target's derived facts are forgotten; the rule's are computed when first read.
  lazy?.startTarget(rule, shared);
  table.set('target', t.targetFact ?? targetFact(t.target, t.pointer));
  table.set('targetId', { value: t.targetId, looked: NONE, params: NONE });
  // A lazy table this built for the same rule, shared facts and date holds the rest already: the
  // facts of the deployment and the shared ones stay from target to target, the others are pending.
  if (lazy !== undefined && shared !== undefined && lazy.builtFor === shared && lazy.ctx?.asOf === t.asOf) return table;
  if (shared?.has('asOf')) {
    // A reused table already holds them (same shared map, same rule): only a new table needs them.
    if (table.get('asOf') !== shared.get('asOf')) {
      table.set('deployment', shared.get('deployment')!);
      table.set('param', shared.get('param')!);
      table.set('asOf', shared.get('asOf')!);
    }
  } else {
    table.set('deployment', { value: t.deployment, pointer: '', looked: [''], params: [] });
    table.set('param', { value: t.params, looked: [], params: [] });
    table.set('asOf', literal(t.asOf));
    if (shared) for (const k of ['deployment', 'param', 'asOf']) shared.set(k, table.get(k)!);
  }

  // A reused lazy table keeps its resolver: it reads only the table itself.
  let ctx = lazy?.ctx;
  if (ctx === undefined || ctx.asOf !== t.asOf) {
    ctx = { resolve: resolverOf(table), asOf: t.asOf };
    if (lazy) lazy.ctx = ctx;
  }
  const resolve = ctx.resolve;
  if (rule.earlier) for (const [name, spec] of Object.entries(rule.earlier)) {
    const key = resolve(spec.lookup);
    const item = key.value === undefined ? undefined : t.memory?.indexFor(spec).lookup(key.value);
    const looked = key.value === undefined ? key.looked : [`an earlier item with ${spec.key} = ${JSON.stringify(key.value)}`];
    table.set(name, { value: item, looked, params: [] });
  }
  const plan = factPlan(rule);
  for (let i = 0; i < plan.length; i++) {
    const f = plan[i]!;
    const reuse = shared !== undefined && !f.perTarget;
    const cached = reuse ? shared.get(f.name) : undefined;
    if (cached) table.set(f.name, cached);
    else if (!lazy) {
      const value = f.derivation.compute(f.args, ctx);
      table.set(f.name, value);
      if (reuse) shared.set(f.name, value);
    }
  }
  // Not for a rule with `earlier` facts: they are looked up again for each target.
  if (lazy !== undefined && shared !== undefined && !rule.earlier) lazy.builtFor = shared;
  return table;
}

/**
 * A fact table whose derived facts are computed when first read: a rule that does not apply to a
 * camera never computes the facts only its conditions read (a camera without event detection
 * needs no list of algorithmic authorizations). Derivations are pure functions of the facts they
 * read, so a fact computed later has the value it would have had computed first. Iterating the
 * table computes whatever is still pending. Reused from target to target like a plain table.
 */
export class LazyFactTable extends Map<string, DerivedValue> {
  /** The current rule's derived facts by name, in its order: those not in the table yet are pending. */
  private plan: ReadonlyMap<string, PlannedFact> = NO_PLAN;
  private rule: RuleDefinition | undefined;
  /**
   * The derived facts computed for the current target, to forget when the next one starts: the
   * first `computedCount` of the list, which is reused (setting an array's length to 0 is a call
   * into the runtime, at every target).
   */
  private readonly computed: string[] = [];
  private computedCount = 0;
  /** What the pending facts are computed with (set by buildFacts for the current target). */
  ctx: DerivationContext | undefined;
  /** Where a fact that does not depend on the target is kept for the next targets. */
  shared: Map<string, DerivedValue> | undefined;
  /** What is known of the rule's facts' provenance without computing them (set by buildFacts). */
  known: KnownProvenance | undefined;
  /**
   * The shared facts buildFacts last filled this table from, for the current rule (undefined once
   * the rule changes): the next target of that rule needs only its own facts set (see buildFacts).
   */
  builtFor: Map<string, DerivedValue> | undefined;

  /**
   * Starts a target of `rule`: the derived facts computed for the previous one are forgotten (a
   * few, rather than every fact of the rule deferred again), and those of the rule are pending.
   */
  startTarget(rule: RuleDefinition, shared: Map<string, DerivedValue> | undefined): void {
    if (rule !== this.rule) {
      // Another rule: nothing of the previous one's facts is kept.
      for (const name of this.plan.keys()) super.delete(name);
      this.builtFor = undefined;
      this.rule = rule;
      this.plan = planByName(rule);
      this.known = knownProvenance(rule);
    }
    for (let i = 0; i < this.computedCount; i++) super.delete(this.computed[i]!);
    this.computedCount = 0;
    this.shared = shared;
  }

  override get(name: string): DerivedValue | undefined {
    const v = super.get(name);
    if (v !== undefined) return v;
    const p = this.plan.get(name);
    if (p === undefined) return undefined;
    const value = p.derivation.compute(p.args, this.ctx!);
    super.set(name, value);
    // One the shared map keeps is set again from it for the next target (buildFacts), in its place.
    if (p.perTarget || this.shared === undefined) this.computed[this.computedCount++] = name;
    else this.shared.set(name, value);
    return value;
  }

  override has(name: string): boolean {
    return super.has(name) || this.plan.has(name);
  }

  /** Computes every pending fact (in the rule's order), for whoever reads them all. */
  private settle(): void {
    for (const name of this.plan.keys()) this.get(name);
  }

  override entries(): MapIterator<[string, DerivedValue]> {
    this.settle();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, DerivedValue]> {
    return this.entries();
  }

  override values(): MapIterator<DerivedValue> {
    this.settle();
    return super.values();
  }

  override forEach(cb: (value: DerivedValue, key: string, map: Map<string, DerivedValue>) => void, thisArg?: unknown): void {
    this.settle();
    super.forEach(cb, thisArg);
  }
}

const NO_PLAN: ReadonlyMap<string, PlannedFact> = new Map();
const plansByName = new WeakMap<RuleDefinition, ReadonlyMap<string, PlannedFact>>();

/** factPlan by name. */
function planByName(rule: RuleDefinition): ReadonlyMap<string, PlannedFact> {
  let byName = plansByName.get(rule);
  if (!byName) plansByName.set(rule, (byName = new Map(factPlan(rule).map((f) => [f.name, f]))));
  return byName;
}

/** The plain values json-rules-engine receives as runtime facts. */
export function factValues(table: FactTable, only?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (only) for (const k of only) out[k] = table.get(k)?.value;
  else for (const [k, v] of table) out[k] = v.value;
  return out;
}

export function parameterEvidence(ids: string[], evidence: Record<string, ParameterEvidence>): ParameterEvidence | undefined {
  for (const id of ids) if (evidence[id]) return evidence[id];
  return undefined;
}
