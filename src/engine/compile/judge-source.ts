import type { CompiledNode, Recording } from './conditions.js';
import { F, PASSES, skippedTruths, STRICT_TRUE, T, TRUTH, TRUTHY, U, type Judged } from './judged.js';

/**
 * What a judge made from source reads, per node id (conditions.ts numbers the nodes): each leaf's
 * fact reader and path reader, its value's (a fact reference) or its literal value, its operator.
 */
export interface JudgeInputs {
  F: unknown[];
  A: unknown[];
  VF: unknown[];
  VA: unknown[];
  V: unknown[];
  OP: unknown[];
}

/**
 * A judge made from source: given a Recording as well, it also writes down there what each node it
 * reaches judged (and a leaf its values), for `decide` (see Recording in conditions.ts).
 */
export type SourceJudge = (read: unknown, rec?: Recording) => Judged;

/** Makes the judge of one condition tree from its inputs (src/generated/judges.ts holds them, for the built-in rules). */
export type JudgeFactory = (I: JudgeInputs) => SourceJudge;

export function judgeInputs(root: CompiledNode): JudgeInputs {
  const inputs: JudgeInputs = { F: [], A: [], VF: [], VA: [], V: [], OP: [] };
  const visit = (node: CompiledNode): void => {
    if (node.kind !== 'leaf') return node.children.forEach(visit);
    const i = node.id;
    inputs.F[i] = node.fact.fact;
    inputs.A[i] = node.fact.at;
    inputs.VF[i] = node.valueRef?.fact;
    inputs.VA[i] = node.valueRef?.at;
    inputs.V[i] = node.value;
    inputs.OP[i] = node.op;
  };
  visit(root);
  return inputs;
}

/**
 * What judgeSource reads of a tree, written compactly: each node's kind, a leaf's flags (value
 * reference and its path, path, operator answering on unknown facts), a group's children and their
 * priority sets. Two trees with the same key have the same source (a test checks it on random
 * trees): src/generated/judges.ts is keyed by it (see judgeLookupKey) rather than by the source,
 * ten times its length.
 */
export function judgeKey(node: CompiledNode): string {
  if (node.kind === 'leaf') return `l${node.valueRef ? 'v' : ''}${node.valueRef?.at ? 'w' : ''}${node.fact.at ? 'p' : ''}${node.acceptsUnknown ? 'u' : ''}`;
  const kids = node.children.map(judgeKey).join(',');
  if (node.kind === 'not') return `n(${kids})`;
  return `${node.kind === 'all' ? 'a' : 'o'}(${kids})${node.sets.map((set) => set.join('.')).join('|')}`;
}

/**
 * What src/generated/judges.ts is looked up by: the tree's name (`rule <id>, conditions`) with its
 * judgeKey. A judge's source depends on its key alone, but each rule's tree gets a function of its
 * own: V8 keeps what a call site has seen per function, and when the rules of one shape shared one
 * function, each call to a fact's reader there saw the readers of all of them (a call it could
 * not inline). A tree of the same shape under another name (a rule pack's own) gets closures.
 */
export function judgeLookupKey(name: string, root: CompiledNode): string {
  return `${name}\n${judgeKey(root)}`;
}

/**
 * The body of a JudgeFactory (its argument is `I`, JudgeInputs), which returns a function
 * `(read) => Judged` judging `root` exactly as compileJudge's closures do: same order of
 * evaluation, priorities, short-circuit and skipped nodes, and combine() written out. One straight
 * function per tree, where the closures make an indirect call per node and per reader that V8
 * cannot inline. Built-in rules have theirs compiled when vigie is built (scripts/gen-builtin.mjs),
 * since vigie makes no function from text at run time.
 *
 * Given a Recording as its second argument (`decide`, for each listed outcome), the judge also
 * writes down there what each node it reaches judged, and a leaf its fact, value and operator
 * result, as compileJudge's closures do when made with one. Judging alone passes none: a test per
 * node, where a second function per tree would double the generated code.
 */
export function judgeSource(root: CompiledNode): string {
  const inputs: string[] = []; // read from I once, when the judge is made
  const lines: string[] = [];
  const emit = (node: CompiledNode): string => {
    const x = emitNode(node);
    lines.push(`if (R !== undefined) { R.stamps[${node.id}] = R.epoch; R.judged[${node.id}] = ${x}; }`);
    return x;
  };
  const emitNode = (node: CompiledNode): string => {
    const x = `x${node.id}`;
    lines.push(`let ${x};`);
    if (node.kind === 'leaf') {
      const i = node.id;
      // The value, then the fact, then the operator, as evaluateNode does.
      inputs.push(`const F${i} = I.F[${i}], OP${i} = I.OP[${i}];`);
      if (node.valueRef) {
        inputs.push(`const VF${i} = I.VF[${i}];`);
        lines.push(`let v${i} = VF${i}(read);`);
        if (node.valueRef.at) {
          inputs.push(`const VA${i} = I.VA[${i}];`);
          lines.push(`if (v${i} !== null && typeof v${i} === 'object') v${i} = VA${i}(v${i});`);
        }
      } else {
        inputs.push(`const V${i} = I.V[${i}];`);
        lines.push(`const v${i} = V${i};`);
      }
      lines.push(`let f${i} = F${i}(read);`);
      if (node.fact.at) {
        inputs.push(`const A${i} = I.A[${i}];`);
        lines.push(`if (f${i} !== null && typeof f${i} === 'object') f${i} = A${i}(f${i});`);
      }
      lines.push(`const r${i} = OP${i}(f${i}, v${i});`);
      const unknown = node.acceptsUnknown ? `r${i} === undefined` : `r${i} === undefined || f${i} === undefined${node.valueRef ? ` || v${i} === undefined` : ''}`;
      lines.push(`${x} = (${unknown} ? ${U} : r${i} ? ${T} : ${F}) | (r${i} === true ? ${STRICT_TRUE} : 0) | (r${i} ? ${TRUTHY} : 0);`);
      lines.push(`if (R !== undefined) { R.factResults[${i}] = f${i}; R.valueResults[${i}] = v${i}; R.results[${i}] = r${i}; }`);
      return x;
    }
    if (node.kind === 'not') {
      const c = emit(node.children[0]!);
      lines.push(`${x} = ((${c} & ${TRUTH}) === ${T} ? ${F} : (${c} & ${TRUTH}) === ${F} ? ${T} : ${U}) | (${c} & ${TRUTHY} ? 0 : ${PASSES});`);
      return x;
    }
    const isAll = node.kind === 'all';
    const absorbing = isAll ? F : T;
    const otherwise = isAll ? T : F;
    if (node.children.length === 0) {
      lines.push(`${x} = ${otherwise | PASSES};`);
      return x;
    }
    if (node.children.length === 1) {
      const c = emit(node.children[0]!);
      lines.push(`${x} = (${c} & ${TRUTH}) | (${c} & ${STRICT_TRUE} ? ${PASSES} : 0);`);
      return x;
    }
    const n = node.id;
    lines.push(`let seen${n} = 0, set${n} = ${isAll};`);
    const skipped = skippedTruths(node.sets, node.children.map((c) => c.still));
    lines.push(`done${n}: {`);
    node.sets.forEach((set, j) => {
      if (j > 0) lines.push(`if (${isAll ? '!' : ''}set${n}) { seen${n} |= ${skipped[j]}; break done${n}; }`);
      lines.push(`let every${n}_${j} = true, some${n}_${j} = false;`);
      for (const i of set) {
        const c = emit(node.children[i]!);
        lines.push(`seen${n} |= 1 << (${c} & ${TRUTH}); if (${c} & ${STRICT_TRUE}) some${n}_${j} = true; else every${n}_${j} = false;`);
      }
      lines.push(`set${n} = ${isAll ? 'every' : 'some'}${n}_${j};`);
    });
    lines.push('}');
    lines.push(`${x} = (seen${n} & ${1 << absorbing} ? ${absorbing} : seen${n} & ${1 << U} ? ${U} : ${otherwise}) | (set${n} ? ${PASSES} : 0);`);
    return x;
  };
  const top = emit(root);
  return `${inputs.join('\n')}\nreturn function judge(read, R) {\n${lines.join('\n')}\nreturn ${top};\n};`;
}
