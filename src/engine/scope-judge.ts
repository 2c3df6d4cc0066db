import { parsePointer, segmentsReader } from '../parse/pointer.js';
import type { RuleDefinition } from '../types.js';
import { compileConditions, type CompiledConditions } from './compile/conditions.js';
import { derivation } from './derivations/index.js';
import { isFactRef, type ValueReader } from './derivations/derivation.js';
import type { ResultNode } from './three-valued.js';

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
   * The result trees of the rule at `index` on the current target, evaluated on the values judged
   * (the trees json-rules-engine would return, see compile/conditions.ts); undefined for a rule
   * this could not plan.
   */
  trees(index: number): { appliesIf?: () => ResultNode; conditions: () => ResultNode } | undefined;
}

/**
 * A target's facts as values: the target itself, then slots for derived facts. A slot is valid for
 * the target whose `epoch` stamped it, so moving to the next target clears nothing.
 */
interface Frame {
  target: unknown;
  targetId: string | undefined;
  epoch: number;
  values: unknown[];
  stamps: number[];
}

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
 * Compiles the rules of one scope for one deployment, parameters and date. Each derived fact is a
 * slot computed when first read for a target, as the full evaluation's LazyFactTable does, and
 * rules that declare the same derivation on the same arguments share its slot: derivations are pure
 * functions of their arguments' values. A rule this cannot plan (a fact read before it is declared,
 * `earlier` facts of a stream) always gets `list`, so the full evaluation decides it.
 */
export function scopeJudge(rules: readonly RuleDefinition[], deployment: unknown, params: Record<string, unknown>, asOf: string): ScopeJudge {
  const frame: Frame = { target: undefined, targetId: undefined, epoch: 0, values: [], stamps: [] };
  const builtins: Array<[string, Binding]> = [
    ['target', { key: 'target', read: (f) => f.target, perTarget: true }],
    ['targetId', { key: 'targetId', read: (f) => f.targetId, perTarget: true }],
    ['deployment', { key: 'deployment', read: () => deployment, perTarget: false }],
    ['param', { key: 'param', read: () => params, perTarget: false }],
    ['asOf', { key: 'asOf', read: () => asOf, perTarget: false }],
  ];
  const slots = new Map<string, Binding>();

  const slot = (key: string, compute: ValueReader<Frame>, perTarget: boolean): Binding => {
    if (!perTarget) {
      let computed = false;
      let value: unknown;
      const read = (f: Frame) => {
        if (!computed) {
          value = compute(f);
          computed = true;
        }
        return value;
      };
      return { key, read, perTarget };
    }
    const i = frame.values.length;
    frame.values.push(undefined);
    frame.stamps.push(-1);
    const read = (f: Frame) => {
      if (f.stamps[i] === f.epoch) return f.values[i];
      const value = compute(f);
      f.values[i] = value;
      f.stamps[i] = f.epoch;
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
            const at = segmentsReader(parsePointer(a.path));
            return (f) => {
              const v = base(f);
              return v === undefined ? undefined : at(v);
            };
          },
          asOf,
        );
        binding = slot(key, compute, perTarget);
        slots.set(key, binding);
      }
      facts.set(name, binding);
    }
    const bind = (fact: string): ValueReader<Frame> => facts.get(fact)?.read ?? (() => undefined);
    return {
      appliesIf: rule.appliesIf ? compileConditions(rule.appliesIf, `rule ${rule.id}, appliesIf`, bind) : undefined,
      conditions: compileConditions(rule.conditions, `rule ${rule.id}, conditions`, bind),
    };
  };
  const judged = rules.map(plan);

  return {
    next(target, targetId) {
      frame.target = target;
      frame.targetId = targetId;
      frame.epoch++;
    },
    verdict(index) {
      const r = judged[index];
      if (!r) return 'list';
      if (r.appliesIf) {
        const t = r.appliesIf.judge(frame);
        if (t === 'F') return 'not-applicable';
        if (t !== 'T') return 'list';
      }
      return r.conditions.judge(frame) === 'T' ? 'pass' : 'list';
    },
    trees(index) {
      const r = judged[index];
      if (!r) return undefined;
      const { appliesIf, conditions } = r;
      return { appliesIf: appliesIf ? () => appliesIf.run(frame) : undefined, conditions: () => conditions.run(frame) };
    },
  };
}
