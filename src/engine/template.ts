import type { Lang } from '../types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** The dotted paths named by a template's `{{placeholders}}`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function lookup(context: Record<string, unknown>, path: string): unknown {
  let current: unknown = context;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const words = {
  fr: { unknown: 'non renseigné', none: 'aucun', yes: 'oui', no: 'non', days: 'jour(s)', months: 'mois', hours: 'heure(s)', years: 'an(s)' },
  en: { unknown: 'not stated', none: 'none', yes: 'yes', no: 'no', days: 'day(s)', months: 'month(s)', hours: 'hour(s)', years: 'year(s)' },
} as const;

/** A value as a reader would write it, in French or English. */
export function formatValue(value: unknown, lang: Lang): string {
  const w = words[lang];
  if (value === undefined || value === null) return w.unknown;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? w.none : value.map((v) => formatValue(v, lang)).join(', ');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k, v]) => Object.hasOwn(w, k) && typeof v === 'number')) {
    return entries.map(([k, v]) => `${v} ${w[k as keyof typeof w]}`).join(' ');
  }
  return JSON.stringify(value);
}

/** Fills `{{path.to.value}}` placeholders; no code runs, only property lookups. */
export function renderTemplate(template: string, context: Record<string, unknown>, lang: Lang): string {
  return template.replace(PLACEHOLDER, (_, path: string) => formatValue(lookup(context, path), lang));
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
