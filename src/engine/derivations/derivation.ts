import { parseISO } from 'date-fns';
import { getAtPointer, type PathReaders } from '../../parse/pointer.js';

/**
 * A value computed for one target before its conditions run, remembering where it came from:
 * `pointer` when it sits at one place of the input, `looked` for the places consulted when it is
 * unknown, `params` for the legal parameters it depends on.
 */
export interface DerivedValue {
  value: unknown;
  pointer?: string;
  looked: string[];
  params: string[];
  /** For a list picked out of the input (`filter`), where each of its items sits. */
  itemPointers?: string[];
}

export interface DerivationContext {
  /** Resolves an argument: `{ fact, path? }` reads a fact, anything else is a literal. */
  resolve(arg: unknown): DerivedValue;
  asOf: string;
}

/** Reads one value from whatever holds a target's facts (compiled once per rule and argument). */
export type ValueReader<F> = (frame: F) => unknown;

/** Compiles an argument, `{ fact, path? }` or a literal, into a reader of its value. */
export type ArgumentCompiler<F> = (arg: unknown) => ValueReader<F>;

/** A generic function a rule may use in its `facts:` section. It knows nothing of cameras or law. */
export interface Derivation {
  name: string;
  description: string;
  /** JSON Schema of the arguments; references `#/definitions/arg` for a fact reference or literal. */
  args: object;
  /** The value with its provenance (where it was read, what was looked for, which parameters), for findings. */
  compute(args: unknown, ctx: DerivationContext): DerivedValue;
  /**
   * True when `compute` never gives its value a `pointer` (a count, a list gathered from several
   * places): the evidence of a condition on such a fact names no place, and a finding need not
   * compute the fact again to find one (see knownProvenance). Leave it out when in doubt: the fact
   * is then computed again.
   */
  pointerless?: boolean;
  /**
   * The value alone, as a function compiled once from the rule's arguments: always what
   * `compute(args, ctx).value` is for the same argument values (both call the same code on values),
   * for outcomes that are only counted. `asOf` stands for `ctx.asOf`. A path the arguments name
   * inside the values (the field `filter` matches on) is read by `readers` when given (see
   * plainDataReader), else by segmentsReader.
   */
  compileValue<F>(args: unknown, arg: ArgumentCompiler<F>, asOf: string, readers?: PathReaders): ValueReader<F>;
}

export function isFactRef(arg: unknown): arg is { fact: string; path?: string } {
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return false;
  const keys = Object.keys(arg);
  return typeof (arg as { fact?: unknown }).fact === 'string' && keys.every((k) => k === 'fact' || k === 'path');
}

export const literal = (value: unknown): DerivedValue => ({ value, looked: [], params: [] });
/** An unknown value from its inputs: what the unknown ones looked at, and every input's parameters. */
export const unknownFrom = (...inputs: DerivedValue[]): DerivedValue => {
  // Loops rather than flatMap, which V8 runs slowly: this is called for every unknown fact.
  const looked: string[] = [];
  const params: string[] = [];
  for (const input of inputs) {
    if (input.value === undefined) for (const l of input.looked) looked.push(l);
    for (const p of input.params) params.push(p);
  }
  return { value: undefined, looked, params };
};
/** The parameters behind the inputs, each once, in order of first appearance. */
export const paramsOf = (...inputs: DerivedValue[]): string[] => {
  const out: string[] = [];
  for (const i of inputs) for (const p of i.params) if (!out.includes(p)) out.push(p);
  return out;
};

/** Reads `path` inside a derived value, carrying its provenance. */
export function descend(base: DerivedValue, path: string | undefined): DerivedValue {
  if (!path) return base;
  if (base.value === undefined) return base;
  const value = getAtPointer(base.value, path);
  if (base.pointer !== undefined) {
    const pointer = base.pointer + path;
    return { value, pointer, looked: [pointer], params: base.params };
  }
  return { value, looked: base.looked.map((l) => l + path), params: base.params };
}

/** JSON Schema fragment: a fact reference or a literal. */
export const arg = {} as const;

/**
 * A date read from a value: only a string is parsed. `String(value)` would call a `toString`
 * the data itself may define (`{ toString: 1 }` from YAML makes it throw).
 */
export function dateOf(value: unknown): Date {
  return new Date(instantOf(typeof value === 'string' ? value : ''));
}

/** Parsed dates by their text: the same few dates (asOf, parameters, commissioning days) come back for every target. */
const instants = new Map<string, number>();

/** `parseISO(text).getTime()` (NaN when invalid), remembered; the table is emptied when it grows large (dates in logs vary). */
export function instantOf(text: string): number {
  let t = instants.get(text);
  if (t === undefined) {
    if (instants.size >= 4096) instants.clear();
    t = parseISO(text).getTime();
    instants.set(text, t);
  }
  return t;
}
