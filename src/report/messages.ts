import { formatValue, templateParts } from '../engine/template.js';
import type { Lang } from '../types.js';

/** What a finding's message may name: `{{targetId}}`, `{{target.commissioned}}`, `{{facts.x}}`… */
export interface MessageContext {
  target: unknown;
  targetId: string | undefined;
  pointer: string;
  actual: unknown;
  expected: unknown;
  condition: string | undefined;
  missing: string[];
  param: Record<string, unknown>;
  facts: Record<string, unknown> | undefined;
  asOf: string;
}

/**
 * The context's keys, the roots a rule's placeholders may start at (checked when a pack is loaded),
 * numbered for `readContext`; a placeholder naming another key reads nothing.
 */
export const MESSAGE_CONTEXT_KEYS: ReadonlyArray<keyof MessageContext> = ['target', 'targetId', 'pointer', 'actual', 'expected', 'missing', 'param', 'facts', 'asOf', 'condition'];
const NOT_IN_CONTEXT = -1;

/**
 * The value of the context's key numbered `key`. A property read by name for each: read by a key
 * in a variable, V8 looked every placeholder up in its cache of all the shapes it had seen.
 */
function readContext(c: MessageContext, key: number): unknown {
  switch (key) {
    case 0: return c.target;
    case 1: return c.targetId;
    case 2: return c.pointer;
    case 3: return c.actual;
    case 4: return c.expected;
    case 5: return c.missing;
    case 6: return c.param;
    case 7: return c.facts;
    case 8: return c.asOf;
    case 9: return c.condition;
    default: return undefined;
  }
}

/** The own property at `path` inside `value`, as the template's dotted path names it; undefined if any step is missing. */
function lookupPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A message template cut once: its texts, and for each placeholder the context key it starts at and the path after it. */
export interface CompiledMessage {
  texts: string[];
  keys: number[];
  paths: Array<readonly string[]>;
}

export function compileMessage(template: string): CompiledMessage {
  const { texts, paths } = templateParts(template);
  const keys = paths.map((p) => MESSAGE_CONTEXT_KEYS.indexOf(p[0] as keyof MessageContext));
  return { texts, keys, paths: paths.map((p, i) => (keys[i] === NOT_IN_CONTEXT ? p : p.slice(1))) };
}

/** Where renderMessage stores the character it reads to flatten a message; never read. */
let flattened = 0;

/** The template filled from the context: each `{{path}}` replaced by the value at its path (own keys only), formatted by formatValue. */
export function renderMessage(m: CompiledMessage, c: MessageContext, lang: Lang): string {
  const { texts, keys, paths } = m;
  let text = texts[0]!;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = key === NOT_IN_CONTEXT ? undefined : lookupPath(readContext(c, key), paths[i]!);
    text += formatValue(value, lang) + texts[i + 1]!;
  }
  // `+=` makes a rope of a dozen string objects, which the findings of a large report would keep
  // alive (and the garbage collector copy). Reading a character makes V8 flatten it into one flat
  // string, and the collector then keeps only that; the character is stored, so that the
  // optimizing compiler does not drop the read.
  flattened = text.charCodeAt(0);
  return text;
}
