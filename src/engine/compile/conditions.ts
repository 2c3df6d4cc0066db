import { parsePointer, segmentsReader, type PathReaders } from '../../parse/pointer.js';
import { answersUnknown, type ResultNode, type Truth } from '../three-valued.js';
import { ConditionCompileError, resolveOperator, type OperatorFn } from './operators.js';
import { combine, F, PASSES, skippedTruths, STRICT_TRUE, T, TRUTH, TRUTHY, U, type Judged } from './judged.js';
import { judgeInputs, judgeLookupKey, judgeSource, type JudgeFactory, type JudgeInputs } from './judge-source.js';
import { generatedJudges } from '../../generated/judges.js';
import { gathering, takeGathered, type Gathering } from '../gathering.js';

/** The facts of one target by name (vigie's FactTable); a fact not in it is undefined. */
export type FactReader = ReadonlyMap<string, { value: unknown }>;

/**
 * Compiles a fact's name, once, into a reader of its value from whatever holds a target's facts
 * (`R`): by default a FactReader; the counting path reads values from slots (scope-judge.ts).
 */
export type FactBinder<R> = (fact: string) => (facts: R) => unknown;

const byName: FactBinder<FactReader> = (fact) => (read) => read.get(fact)?.value;

/**
 * A condition tree compiled once, evaluated synchronously on each target. `run` returns the result
 * tree json-rules-engine 7.3 would return for the same facts (`engine.run(...).conditions`):
 * the same nodes, each evaluated leaf with `factResult`, `valueResult` and `result`, each evaluated
 * boolean node below the root with `result`, and the nodes short-circuiting skipped left as written.
 */
export interface CompiledConditions<R = FactReader> {
  run(read: R): ResultNode;
  /**
   * `truth(run(read))` without building the tree: the same evaluation (same priorities and
   * short-circuit, skipped nodes unknown), judged on the way. For outcomes only counted.
   */
  judge(read: R): Truth;
  /**
   * `judge` packed as compile/judged.ts packs a node's judgement (`& TRUTH` is T, F or U): the judge
   * itself, called without a wrapper, for callers that count outcomes by the million.
   */
  judgeBits(read: R): number;
  /**
   * `truth(run(read))` and `decisiveLeaves(run(read), truth)` (three-valued.ts) without building
   * the tree: only the leaves that decided are made, as `run` would make them. For listed outcomes.
   */
  decide(read: R): Decision;
}

/** How a condition tree came out on a target, and the leaves that decided it. */
export interface Decision {
  truth: Truth;
  leaves: ResultNode[];
}

/** What the evaluators below read facts from: opaque to them, only the bound readers look inside. */
type Facts = unknown;

interface Ref {
  fact: (facts: Facts) => unknown;
  /** Reads the path inside an object, or undefined when there is none (json-rules-engine ignores an empty path). */
  at: ((value: object) => unknown) | undefined;
}

/** Builds a leaf's result node: the condition as written plus what evaluation found. */
type LeafMaker = (factResult: unknown, valueResult: unknown, result: unknown) => ResultNode;

export interface CompiledLeaf {
  kind: 'leaf';
  /** The node's place in its tree (depth first), where `decide` records what it found. */
  id: number;
  /** Its truth when short-circuit skips it (`truth` of the node as written); see number(). */
  still: number;
  source: Record<string, unknown>;
  make: LeafMaker;
  fact: Ref;
  /** Set when the condition's value is a fact reference. */
  valueRef?: Ref;
  value: unknown;
  op: OperatorFn;
  priority: number;
  /** The operator answers on unknown facts (isKnown), so an undefined fact does not make the leaf unknown. */
  acceptsUnknown: boolean;
}

export interface CompiledBoolean {
  kind: 'all' | 'any' | 'not';
  id: number;
  still: number;
  /** The node as json-rules-engine's Condition holds it, before evaluation (children excluded). */
  shape: Record<string, unknown>;
  /** Builds the node's result with its children's results. */
  make: (children: ResultNode | ResultNode[]) => Record<string, unknown>;
  children: CompiledNode[];
  /** Indices of the children grouped by priority, highest first (json-rules-engine's prioritizeConditions). */
  sets: number[][];
  priority: number;
}

export type CompiledNode = CompiledLeaf | CompiledBoolean;

const LEAF_KEYS = new Set(['fact', 'path', 'operator', 'value', 'name', 'priority']);
const BOOLEAN_KEYS = new Set(['all', 'any', 'not', 'name', 'priority']);
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function fail(where: string, message: string): never {
  throw new ConditionCompileError(`${where}: ${message}`);
}

function checkPath(path: unknown, where: string, readers: PathReaders): ((value: object) => unknown) | undefined {
  if (path === undefined || path === '') return undefined;
  if (typeof path !== 'string' || !path.startsWith('/')) fail(where, `path ${JSON.stringify(path)} is not a JSON Pointer`);
  return readers(parsePointer(path));
}

function compileNode(node: unknown, where: string, bind: FactBinder<Facts>, readers: PathReaders): CompiledNode {
  if (!isObject(node)) fail(where, 'a condition must be an object');
  const booleans = ['any', 'all', 'not'].filter((k) => hasOwn(node, k));
  if (booleans.length > 1) fail(where, `a condition has one of all/any/not, not ${booleans.join(' and ')}`);
  if (booleans.length === 1) {
    const kind = booleans[0] as 'all' | 'any' | 'not';
    const extra = Object.keys(node).find((k) => !BOOLEAN_KEYS.has(k));
    if (extra) fail(where, `unsupported key "${extra}"`);
    const sub = node[kind];
    if (kind === 'not' ? !isObject(sub) : !Array.isArray(sub)) fail(where, kind === 'not' ? '"not" holds one condition' : `"${kind}" must be an array`);
    const children = kind === 'not' ? [compileNode(sub, `${where}/not`, bind, readers)] : (sub as unknown[]).map((c, i) => compileNode(c, `${where}/${kind}/${i}`, bind, readers));
    // json-rules-engine: `this.priority = parseInt(properties.priority, 10) || 1` on boolean nodes.
    const priority = Number.parseInt(node.priority as string, 10) || 1;
    const shape: Record<string, unknown> = { ...node, operator: kind, priority };
    delete shape[kind];
    return { kind, id: -1, still: U, shape, make: booleanMaker(kind, shape), children, sets: prioritized(children), priority };
  }
  if (hasOwn(node, 'condition')) fail(where, 'condition references are not supported');
  for (const k of ['fact', 'operator', 'value']) if (!hasOwn(node, k)) fail(where, `a condition needs "${k}"`);
  const extra = Object.keys(node).find((k) => !LEAF_KEYS.has(k));
  if (extra) fail(where, `unsupported key "${extra}"`);
  if (typeof node.fact !== 'string' || node.fact === '') fail(where, 'fact must be a non-empty string');
  if (hasOwn(node, 'priority') && (!Number.isInteger(node.priority) || (node.priority as number) < 1)) fail(where, 'priority must be a positive integer');
  const value = node.value;
  let valueRef: Ref | undefined;
  if (value !== null && typeof value === 'object' && hasOwn(value, 'fact')) {
    const v = value as Record<string, unknown>;
    const bad = Object.keys(v).find((k) => k !== 'fact' && k !== 'path');
    if (bad) fail(`${where}/value`, `unsupported key "${bad}" in a fact reference`);
    if (typeof v.fact !== 'string' || v.fact === '') fail(`${where}/value`, 'fact must be a non-empty string');
    valueRef = { fact: bind(v.fact), at: checkPath(v.path, `${where}/value`, readers) };
  }
  let op: OperatorFn;
  try {
    op = resolveOperator(node.operator as string);
  } catch (e) {
    fail(where, (e as Error).message);
  }
  return {
    kind: 'leaf',
    id: -1,
    still: U,
    source: { ...node },
    make: leafMaker(node),
    acceptsUnknown: answersUnknown(node.operator as string),
    fact: { fact: bind(node.fact), at: checkPath(node.path, where, readers) },
    valueRef,
    value,
    op,
    // Runtime facts have priority 1, so a leaf without its own priority sorts as 1.
    priority: (node.priority as number | undefined) || 1,
  };
}

/**
 * Result nodes are made on every target: literals of a fixed shape for the usual leaves (much
 * cheaper than a spread); any other leaf is copied with a spread. Key order is not significant.
 */
function leafMaker(source: Record<string, unknown>): LeafMaker {
  const { fact, operator, value, path, name } = source as { fact: string; operator: string; value: unknown; path?: string; name?: string };
  const keys = Object.keys(source).filter((k) => k !== 'fact' && k !== 'operator' && k !== 'value').sort().join(',');
  switch (keys) {
    case '':
      return (factResult, valueResult, result) => ({ fact, operator, value, factResult, valueResult, result }) as ResultNode;
    case 'name':
      return (factResult, valueResult, result) => ({ fact, operator, value, name, factResult, valueResult, result }) as ResultNode;
    case 'path':
      return (factResult, valueResult, result) => ({ fact, path, operator, value, factResult, valueResult, result }) as ResultNode;
    case 'name,path':
      return (factResult, valueResult, result) => ({ fact, path, operator, value, name, factResult, valueResult, result }) as ResultNode;
    default: {
      const copy = { ...source };
      return (factResult, valueResult, result) => ({ ...copy, factResult, valueResult, result }) as ResultNode;
    }
  }
}

function booleanMaker(kind: 'all' | 'any' | 'not', shape: Record<string, unknown>): CompiledBoolean['make'] {
  const { operator, priority, name } = shape;
  const keys = Object.keys(shape).sort().join(',');
  if (keys === 'operator,priority') {
    if (kind === 'all') return (all) => ({ operator, priority, all });
    if (kind === 'any') return (any) => ({ operator, priority, any });
    return (not) => ({ operator, priority, not });
  }
  if (keys === 'name,operator,priority') {
    if (kind === 'all') return (all) => ({ name, operator, priority, all });
    if (kind === 'any') return (any) => ({ name, operator, priority, any });
    return (not) => ({ name, operator, priority, not });
  }
  return (children) => ({ ...shape, [kind]: children });
}

/** json-rules-engine's prioritizeConditions: groups by priority, highest first, order kept inside a group. */
function prioritized(children: CompiledNode[]): number[][] {
  const byPriority = new Map<number, number[]>();
  children.forEach((c, i) => {
    const set = byPriority.get(c.priority);
    if (set) set.push(i);
    else byPriority.set(c.priority, [i]);
  });
  return [...byPriority.keys()].sort((a, b) => b - a).map((p) => byPriority.get(p)!);
}

function readRef(read: Facts, ref: Ref): unknown {
  const value = ref.fact(read);
  // json-rules-engine applies a path only to an object; any other value is returned as it is.
  if (ref.at !== undefined && value !== null && typeof value === 'object') return ref.at(value);
  return value;
}

/** A node as json-rules-engine leaves it when short-circuiting skips it. */
function unevaluated(node: CompiledNode): ResultNode {
  if (node.kind === 'leaf') return { ...node.source } as ResultNode;
  const out: Record<string, unknown> = { ...node.shape };
  if (node.kind === 'not') out.not = unevaluated(node.children[0]!);
  else out[node.kind] = node.children.map(unevaluated);
  return out as ResultNode;
}

/**
 * Evaluates a node as json-rules-engine's evaluateCondition does and returns its result node. What
 * the engine's promise resolves to is the node's `result`: a leaf's raw operator result, a boolean
 * node's `comparison === true` (the root's is returned by `run`, as the engine does not set it).
 */
function evaluateNode(node: CompiledNode, read: Facts): ResultNode {
  if (node.kind === 'leaf') {
    // Same order as json-rules-engine: the value is resolved with the fact, then the operator runs.
    const valueResult = node.valueRef ? readRef(read, node.valueRef) : node.value;
    const factResult = readRef(read, node.fact);
    return node.make(factResult, valueResult, node.op(factResult, valueResult));
  }
  const out = evaluateBoolean(node, read);
  out.result = booleanResult;
  return out;
}

/** The last boolean node's `comparison === true`, kept here rather than in a wrapper object per node. */
let booleanResult = false;

function evaluateBoolean(node: CompiledBoolean, read: Facts): ResultNode {
  let out: Record<string, unknown>;
  let comparison: unknown;
  if (node.kind === 'not') {
    const child = evaluateNode(node.children[0]!, read);
    out = node.make(child);
    comparison = !child.result;
  } else {
    const children = node.children;
    const results: Array<ResultNode | undefined> = [];
    comparison = prioritizeAndRun(node, read, results);
    for (let i = 0; i < children.length; i++) if (results[i] === undefined) results[i] = unevaluated(children[i]!);
    out = node.make(results as ResultNode[]);
  }
  booleanResult = comparison === true;
  return out as ResultNode;
}

/** json-rules-engine's prioritizeAndRun for `all`/`any`: a priority group is evaluated whole; groups short-circuit. */
function prioritizeAndRun(node: CompiledBoolean, read: Facts, results: Array<ResultNode | undefined>): unknown {
  const children = node.children;
  if (children.length === 0) return true;
  if (children.length === 1) {
    const r = evaluateNode(children[0]!, read);
    results[0] = r;
    return r.result;
  }
  const isAll = node.kind === 'all';
  let setResult: unknown = isAll;
  for (let j = 0; j < node.sets.length; j++) {
    if (isAll ? !setResult : setResult) break;
    const set = node.sets[j]!;
    let every = true;
    let some = false;
    for (let k = 0; k < set.length; k++) {
      const i = set[k]!;
      const r = evaluateNode(children[i]!, read);
      results[i] = r;
      if (r.result === true) some = true;
      else every = false;
    }
    setResult = isAll ? every : some;
  }
  return setResult;
}

const TRUTHS: readonly Truth[] = ['U', 'T', 'F', 'U'];

export type Judge = (read: Facts) => Judged;

/**
 * Where `decide` keeps what one evaluation found, per node id: the evaluation that reached the
 * node (`stamps`, against `epoch`; a node not reached was skipped by short-circuit), its packed
 * judgement, and a leaf's values. Reused from call to call: `decide` reads it before returning.
 */
export interface Recording {
  epoch: number;
  stamps: number[];
  judged: number[];
  factResults: unknown[];
  valueResults: unknown[];
  results: unknown[];
}

/**
 * Compiles a node into a function that judges it: the same evaluation as evaluateNode (same
 * priorities, short-circuit and skipped nodes), giving the truth `truth` would find in the node's
 * result, as three-valued.ts judges it, without building the node. With `rec`, each node reached
 * also writes down its judgement (and a leaf its values) for `decide`.
 */
function compileJudge(node: CompiledNode, rec?: Recording): Judge {
  if (node.kind === 'leaf') return compileLeafJudge(node, rec);
  const id = node.id;
  const judge = compileBooleanJudge(node, rec);
  if (!rec) return judge;
  return (read) => {
    const x = judge(read);
    rec.stamps[id] = rec.epoch;
    rec.judged[id] = x;
    return x;
  };
}

function compileBooleanJudge(node: CompiledBoolean, rec?: Recording): Judge {
  const children = node.children.map((c) => compileJudge(c, rec));
  if (node.kind === 'not') {
    const child = children[0]!;
    return (read) => {
      const x = child(read);
      const t = x & TRUTH;
      // The engine resolves `not` to `!` what its child resolved to.
      return (t === T ? F : t === F ? T : U) | (x & TRUTHY ? 0 : PASSES);
    };
  }
  const isAll = node.kind === 'all';
  const absorbing = isAll ? F : T;
  const otherwise = isAll ? T : F;
  if (children.length === 0) return () => otherwise | PASSES; // the engine resolves an empty group to true
  if (children.length === 1) {
    const child = children[0]!;
    return (read) => {
      const x = child(read);
      return (x & TRUTH) | (x & STRICT_TRUE ? PASSES : 0);
    };
  }
  const sets = node.sets.map((set) => set.map((i) => children[i]!));
  if (sets.length === 1) {
    // One priority: every child is evaluated.
    const all = sets[0]!;
    return (read) => {
      let seen = 0; // truths seen, as bits 1 << T, 1 << F, 1 << U
      let every = true;
      let some = false;
      for (let i = 0; i < all.length; i++) {
        const x = all[i]!(read);
        seen |= 1 << (x & TRUTH);
        if (x & STRICT_TRUE) some = true;
        else every = false;
      }
      return combine(seen, absorbing, otherwise) | ((isAll ? every : some) ? PASSES : 0);
    };
  }
  // The truths `truth` finds in the nodes skipped when evaluation stops before the set at j (a
  // skipped node has no result: its leaves are unknown, an empty group keeps its own truth).
  const skippedFrom = skippedTruths(node.sets, node.children.map((c) => c.still));
  return (read) => {
    let seen = 0;
    let setResult = isAll;
    let j = 0;
    for (; j < sets.length; j++) {
      if (isAll ? !setResult : setResult) break;
      const set = sets[j]!;
      let every = true;
      let some = false;
      for (let i = 0; i < set.length; i++) {
        const x = set[i]!(read);
        seen |= 1 << (x & TRUTH);
        if (x & STRICT_TRUE) some = true;
        else every = false;
      }
      setResult = isAll ? every : some;
    }
    if (j < sets.length) seen |= skippedFrom[j]!;
    return combine(seen, absorbing, otherwise) | (setResult ? PASSES : 0);
  };
}

function compileLeafJudge(node: CompiledLeaf, rec?: Recording): Judge {
  const { id, fact, valueRef, value, op, acceptsUnknown } = node;
  return (read) => {
    // Same order as evaluateNode: the value, then the fact, then the operator.
    const valueResult = valueRef ? readRef(read, valueRef) : value;
    const factResult = readRef(read, fact);
    const result = op(factResult, valueResult);
    const passes = (result === true ? STRICT_TRUE : 0) | (result ? TRUTHY : 0);
    // three-valued.ts leafTruth, on the values the leaf's node would hold.
    let x: Judged;
    if (result === undefined) x = U | passes;
    else if (!acceptsUnknown && (factResult === undefined || (valueRef && valueResult === undefined))) x = U | passes;
    else x = (result ? T : F) | passes;
    if (rec) {
      rec.stamps[id] = rec.epoch;
      rec.judged[id] = x;
      rec.factResults[id] = factResult;
      rec.valueResults[id] = valueResult;
      rec.results[id] = result;
    }
    return x;
  };
}

const NEGATED = [U, F, T, U];

/** Numbers the nodes depth first, and sets the truth each has when skipped (`truth` of `unevaluated(node)`); returns how many there are. */
function number(root: CompiledNode): number {
  let count = 0;
  const visit = (node: CompiledNode): number => {
    node.id = count++;
    if (node.kind !== 'leaf') {
      const ts = node.children.map(visit);
      if (node.kind === 'not') node.still = NEGATED[ts[0]!]!;
      else node.still = combine(ts.reduce((bits, x) => bits | (1 << x), 0), node.kind === 'all' ? F : T, node.kind === 'all' ? T : F);
    }
    return node.still; // a leaf's stays unknown
  };
  visit(root);
  return count;
}

/** Where collectDecisive gathers a decision's leaves (see gathering.ts). */
const gathered = gathering<ResultNode>();

/**
 * decisiveLeaves (three-valued.ts) on the tree `run` would have built, read from what `rec` holds:
 * a node not reached in this evaluation is one short-circuit skipped, with its leaves as written.
 */
function collectDecisive(node: CompiledNode, want: number, rec: Recording, into: Gathering<ResultNode>): void {
  const reached = rec.stamps[node.id] === rec.epoch;
  if (node.kind === 'leaf') {
    if (!reached) {
      if (want === U) into.items[into.count++] = { ...node.source } as ResultNode;
    } else if ((rec.judged[node.id]! & TRUTH) === want) {
      into.items[into.count++] = node.make(rec.factResults[node.id], rec.valueResults[node.id], rec.results[node.id]);
    }
    return;
  }
  if (node.kind === 'not') {
    collectDecisive(node.children[0]!, NEGATED[want]!, rec, into);
    return;
  }
  // For the absorbing value or unknown, the children that have it decided; otherwise all of them did.
  const onlyWanted = want === (node.kind === 'all' ? F : T) || want === U;
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const t = rec.stamps[child.id] === rec.epoch ? rec.judged[child.id]! & TRUTH : child.still;
    if (!onlyWanted || t === want) collectDecisive(child, want, rec, into);
  }
}

/**
 * Compiles a top-level condition (`all`, `any` or `not`). Throws ConditionCompileError, naming the
 * place, for anything whose behaviour it does not reproduce exactly (unknown operator or decorator,
 * condition references, unexpected keys): never a silent difference.
 */
export function compileConditions(tree: unknown, name: string): CompiledConditions;
export function compileConditions<R>(tree: unknown, name: string, bind: FactBinder<R>, judges?: JudgeLookup, readers?: PathReaders): CompiledConditions<R>;
export function compileConditions(
  tree: unknown,
  name: string,
  bind: FactBinder<Facts> = byName as FactBinder<Facts>,
  judges: JudgeLookup = generatedJudges,
  /** What reads the paths of the conditions (segmentsReader; plainDataReader on plain data). */
  readers: PathReaders = segmentsReader,
): CompiledConditions<Facts> {
  if (!isObject(tree) || !['all', 'any', 'not'].some((k) => hasOwn(tree, k))) fail(name, 'the top condition must be all, any or not');
  const root = compileNode(tree, name, bind, readers) as CompiledBoolean;
  const count = number(root);
  // A built-in rule's judge was compiled from its source when vigie was built (it records when
  // given a Recording); others get closures.
  const generated = judges.get(judgeLookupKey(name, root));
  const made = generated ? generated(judgeInputs(root)) : undefined;
  const judge = made ?? compileJudge(root);
  // decide's own judges, which record as they go: made when first needed, so that judging alone pays nothing for them.
  let recorder: { rec: Recording; judge: Judge } | undefined;
  const decide = (read: Facts): Decision => {
    if (!recorder) {
      const rec: Recording = { epoch: 0, stamps: new Array<number>(count).fill(-1), judged: new Array<number>(count).fill(0), factResults: new Array(count).fill(undefined), valueResults: new Array(count).fill(undefined), results: new Array(count).fill(undefined) };
      recorder = { rec, judge: made ? (r) => made(r, rec) : compileJudge(root, rec) };
    }
    const { rec, judge: recordingJudge } = recorder;
    rec.epoch++;
    const t = recordingJudge(read) & TRUTH;
    gathered.count = 0;
    collectDecisive(root, t, rec, gathered);
    return { truth: TRUTHS[t]!, leaves: takeGathered(gathered, true) };
  };
  return { run: (read) => evaluateBoolean(root, read), judge: (read) => TRUTHS[judge(read) & TRUTH]!, judgeBits: judge, decide };
}

/**
 * The name a rule's `appliesIf` or `conditions` is compiled under: it places compile errors, and
 * the built-in rules' generated judges are looked up by it (judgeLookupKey).
 */
export function conditionsName(ruleId: string, part: 'appliesIf' | 'conditions'): string {
  return `rule ${ruleId}, ${part}`;
}

/** Judges compiled from source, by judgeLookupKey (judge-source.ts). */
export interface JudgeLookup {
  get(key: string): JudgeFactory | undefined;
}

/**
 * The source of a condition tree's judge and what it reads (judge-source.ts): for
 * scripts/gen-builtin.mjs, which compiles the built-in rules' judges, and for the tests.
 */
export function judgeParts(tree: unknown, name: string, bind: FactBinder<Facts> = byName as FactBinder<Facts>): { key: string; source: string; inputs: JudgeInputs } {
  const root = compileNode(tree, name, bind, segmentsReader);
  number(root);
  return { key: judgeLookupKey(name, root), source: judgeSource(root), inputs: judgeInputs(root) };
}
