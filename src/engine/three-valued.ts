import { customOperator, splitOperator } from './operators/index.js';

/** Kleene's logic: true, false, or unknown because the input does not say. */
export type Truth = 'T' | 'F' | 'U';

/** A condition of a json-rules-engine result tree, after evaluation. */
export interface ResultNode {
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  name?: string;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

export const negate = (t: Truth): Truth => (t === 'T' ? 'F' : t === 'F' ? 'T' : 'U');

export function isValueFactRef(value: unknown): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && typeof (value as { fact?: unknown }).fact === 'string';
}

/** Whether an operator name (with decorators) answers on unknown facts; looked up once per name. */
const answering = new Map<string, boolean>();
export function answersUnknown(operator: string): boolean {
  let yes = answering.get(operator);
  if (yes === undefined) {
    yes = customOperator(splitOperator(operator).base)?.acceptsUnknown === true;
    answering.set(operator, yes);
  }
  return yes;
}

export function leafTruth(node: ResultNode): Truth {
  if (node.result === undefined) return 'U';
  if (!answersUnknown(node.operator ?? '')) {
    if (node.factResult === undefined) return 'U';
    if (isValueFactRef(node.value) && node.valueResult === undefined) return 'U';
  }
  return node.result ? 'T' : 'F';
}

export function truth(node: ResultNode): Truth {
  if (node.all) {
    let unknown = false;
    for (const c of node.all) {
      const t = truth(c);
      if (t === 'F') return 'F';
      if (t === 'U') unknown = true;
    }
    return unknown ? 'U' : 'T';
  }
  if (node.any) {
    let unknown = false;
    for (const c of node.any) {
      const t = truth(c);
      if (t === 'T') return 'T';
      if (t === 'U') unknown = true;
    }
    return unknown ? 'U' : 'F';
  }
  if (node.not) return negate(truth(node.not));
  return leafTruth(node);
}

/** The leaves that make `node` take the value `want`: the conditions that decided it. */
export function decisiveLeaves(node: ResultNode, want: Truth, into: ResultNode[] = []): ResultNode[] {
  if (node.all || node.any) {
    const children = (node.all ?? node.any)!;
    const absorbing: Truth = node.all ? 'F' : 'T';
    // For the absorbing value or unknown, the children that have it decided; otherwise all of them did.
    const onlyWanted = want === absorbing || want === 'U';
    for (const c of children) if (!onlyWanted || truth(c) === want) decisiveLeaves(c, want, into);
    return into;
  }
  if (node.not) return decisiveLeaves(node.not, negate(want), into);
  if (leafTruth(node) === want) into.push(node);
  return into;
}
