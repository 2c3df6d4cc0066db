import { formatValue, templateParts } from '../engine/template.js';
import { isHole } from '../engine/holes.js';
import type { Lang } from '../types.js';
import { flatString } from '../flat-string.js';

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

/**
 * A message's two templates, French and English, cut once: each language's texts and, for each of
 * its placeholders, the slot it reads; each slot names a distinct placeholder of the two (the
 * context key it starts at and the path after it), so that a value both name is looked up once.
 */
export interface CompiledMessages {
  fr: CompiledTemplate;
  en: CompiledTemplate;
  keys: number[];
  paths: Array<readonly string[]>;
}

/** One language's template: `texts[i]` comes before the placeholder reading slot `slots[i]`, the last text after the last. */
interface CompiledTemplate {
  texts: string[];
  slots: number[];
}

export function compileMessages(fr: string, en: string): CompiledMessages {
  const keys: number[] = [];
  const paths: Array<readonly string[]> = [];
  const bySource = new Map<string, number>();
  const cut = (template: string): CompiledTemplate => {
    const parts = templateParts(template);
    const slots = parts.paths.map((p) => {
      const source = p.join('.');
      let slot = bySource.get(source);
      if (slot === undefined) {
        const key = MESSAGE_CONTEXT_KEYS.indexOf(p[0] as keyof MessageContext);
        bySource.set(source, (slot = keys.length));
        keys.push(key);
        paths.push(key === NOT_IN_CONTEXT ? p : p.slice(1));
      }
      return slot;
    });
    return { texts: parts.texts, slots };
  };
  return { fr: cut(fr), en: cut(en), keys, paths };
}

/**
 * Whether formatValue writes the value alike in every language: a string or a number, or a list of
 * them (holes allowed, written as nothing). Booleans, unknown values, empty lists and durations
 * are written in words of the language.
 */
function sameInEveryLanguage(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (!Array.isArray(value) || value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'string' && typeof v !== 'number' && !isHole(value, i, v)) return false;
  }
  return true;
}

/**
 * Both templates filled from the context: each `{{path}}` replaced by the value at its path (own
 * keys only), formatted by formatValue. A placeholder both languages name is looked up once, and
 * written once when formatValue writes it alike in both (the places a finding misses, say).
 */
export function renderMessages(m: CompiledMessages, c: MessageContext): { fr: string; en: string } {
  const n = m.keys.length;
  const values: unknown[] = new Array<unknown>(n);
  for (let slot = 0; slot < n; slot++) {
    const key = m.keys[slot]!;
    values[slot] = key === NOT_IN_CONTEXT ? undefined : lookupPath(readContext(c, key), m.paths[slot]!);
  }
  return { fr: fill(m.fr, values, 'fr'), en: fill(m.en, values, 'en') };
}

/**
 * One language's template filled with the values looked up (see renderMessages). A value written
 * alike in every language is replaced by its text, which formatValue writes as it is: the next
 * language, or the next placeholder naming it, takes the text without formatting it again.
 */
function fill(t: CompiledTemplate, values: unknown[], lang: Lang): string {
  const { texts, slots } = t;
  let text = texts[0]!;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const value = values[slot];
    const written = formatValue(value, lang);
    if (typeof value !== 'string' && sameInEveryLanguage(value)) values[slot] = written;
    text += written + texts[i + 1]!;
  }
  return flatString(text);
}
