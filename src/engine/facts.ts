import type { ParameterEvidence, RuleDefinition } from '../types.js';
import { derivation } from './derivations/index.js';
import { descend, isFactRef, literal, type DerivedValue } from './derivations/derivation.js';
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
}

/** Every fact of a target with its provenance: the built-in ones, then the rule's derived facts in order. */
export type FactTable = Map<string, DerivedValue>;

/** The facts every rule has, before its own: target, targetId, deployment, param, asOf. */
export function builtinFacts(t: TargetFacts): FactTable {
  const table: FactTable = new Map();
  table.set('target', { value: t.target, pointer: t.pointer, looked: [t.pointer], params: [] });
  table.set('targetId', { value: t.targetId, looked: [], params: [] });
  table.set('deployment', { value: t.deployment, pointer: '', looked: [''], params: [] });
  table.set('param', { value: t.params, looked: [], params: [] });
  table.set('asOf', literal(t.asOf));
  return table;
}

export function buildFacts(rule: RuleDefinition, t: TargetFacts): FactTable {
  const table = builtinFacts(t);

  const resolve = (arg: unknown): DerivedValue => {
    if (!isFactRef(arg)) return literal(arg);
    const base = table.get(arg.fact) ?? literal(undefined);
    const r = descend(base, arg.path);
    if (arg.fact === 'param' && arg.path) return { ...r, params: [arg.path.split('/')[1]!] };
    return r;
  };
  for (const [name, spec] of Object.entries(rule.earlier ?? {})) {
    const key = resolve(spec.lookup);
    const item = key.value === undefined ? undefined : t.memory?.indexFor(spec).lookup(key.value);
    const looked = key.value === undefined ? key.looked : [`an earlier item with ${spec.key} = ${JSON.stringify(key.value)}`];
    table.set(name, { value: item, looked, params: [] });
  }
  for (const [name, spec] of Object.entries(rule.facts ?? {})) {
    const [fn, args] = Object.entries(spec)[0]!;
    table.set(name, derivation(fn)!.compute(args, { resolve, asOf: t.asOf }));
  }
  return table;
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
