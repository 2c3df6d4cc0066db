import type { Lang } from '../types.js';
import { isHole } from './holes.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** The dotted paths named by a template's `{{placeholders}}`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

const words = {
  fr: { unknown: 'non renseigné', none: 'aucun', yes: 'oui', no: 'non', days: 'jour(s)', months: 'mois', hours: 'heure(s)', years: 'an(s)' },
  en: { unknown: 'not stated', none: 'none', yes: 'yes', no: 'no', days: 'day(s)', months: 'month(s)', hours: 'hour(s)', years: 'year(s)' },
} as const;

/** A value as a reader would write it, in French or English. */
export function formatValue(value: unknown, lang: Lang): string {
  if (typeof value === 'string') return value;
  // Not `words[lang]`: a property named by a variable is looked up the slow way, at each placeholder.
  const w = lang === 'fr' ? words.fr : words.en;
  if (value === undefined || value === null) return w.unknown;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
  if (Array.isArray(value)) return value.length === 0 ? w.none : formatList(value, lang);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k, v]) => Object.hasOwn(w, k) && typeof v === 'number')) {
    return entries.map(([k, v]) => `${v} ${w[k as keyof typeof w]}`).join(' ');
  }
  return JSON.stringify(value);
}

/**
 * The elements formatted and separated by commas, as `map` then `join(', ')` would write them (a
 * hole of a sparse list is written as nothing). Concatenated, as messages are (see fill in report/messages.ts):
 * no list is made, and V8 joins a list the data froze slowly (measured).
 */
function formatList(list: readonly unknown[], lang: Lang): string {
  const first = list[0];
  let text = isHole(list, 0, first) ? '' : formatValue(first, lang);
  for (let i = 1; i < list.length; i++) {
    const v = list[i];
    text += isHole(list, i, v) ? ', ' : ', ' + formatValue(v, lang);
  }
  return text;
}

/**
 * A template cut into its texts and its placeholders' dotted paths: `texts[i]` comes before the
 * placeholder `paths[i]`, and the last text after the last placeholder. No code runs in a template:
 * a placeholder only names a value to look up (report/messages.ts fills them).
 */
export function templateParts(template: string): { texts: string[]; paths: string[][] } {
  const texts: string[] = [];
  const paths: string[][] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(last, m.index));
    paths.push(m[1]!.split('.'));
    last = m.index! + m[0].length;
  }
  texts.push(template.slice(last));
  return { texts, paths };
}

const OPERATOR_WORDS: Record<string, string> = {
  equal: '=', notEqual: '≠', lessThan: '<', lessThanInclusive: '≤', greaterThan: '>', greaterThanInclusive: '≥',
  in: '∈', notIn: '∉', contains: '∋', doesNotContain: '∌', dateBefore: '<', dateOnOrBefore: '≤', dateAfter: '>', dateOnOrAfter: '≥',
  subsetOf: '⊆', containsAll: '⊇', intersects: '∩ ≠ ∅', disjointFrom: '∩ = ∅', isKnown: 'known',
};

/** A condition's operator as a reader writes it: `lessThanInclusive` is `≤`, `not:in` is `not ∈`. */
export function operatorSymbol(operator: string): string {
  const parts = operator.split(':');
  const base = parts.pop()!;
  return [...parts, OPERATOR_WORDS[base] ?? base].join(' ');
}
