import type { Tightening } from '../types.js';

/**
 * Whether `candidate` is as strict as `base` or stricter, for a parameter whose `tighterIs` says
 * which way is stricter. `undefined` when the two cannot be compared (different kinds of values):
 * the caller refuses the override then, since it cannot show that it does not loosen the law.
 */
export function isAtLeastAsTight(tighterIs: Tightening, candidate: unknown, base: unknown): boolean | undefined {
  switch (tighterIs) {
    case 'lower':
    case 'higher': {
      const c = magnitude(candidate);
      const b = magnitude(base);
      if (c === undefined || b === undefined) return undefined;
      return tighterIs === 'lower' ? c <= b : c >= b;
    }
    case 'earlier':
    case 'later': {
      if (typeof candidate !== 'string' || typeof base !== 'string') return undefined;
      return tighterIs === 'earlier' ? candidate <= base : candidate >= base;
    }
    case 'subset': {
      if (!Array.isArray(candidate) || !Array.isArray(base)) return undefined;
      const allowed = new Set(base.map((v) => JSON.stringify(v)));
      return candidate.every((v) => allowed.has(JSON.stringify(v)));
    }
    case 'none':
      return false;
  }
}

/**
 * A number, or a duration in days. A month counts 30 days and a year 365 here: the reading the
 * `month-counting` parameter uses by default. Comparing `{ days: 30 }` to `{ months: 1 }` so
 * gives "equal", which is what a CSU means by it.
 */
export function magnitude(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const units: Record<string, number> = { hours: 1 / 24, days: 1, weeks: 7, months: 30, years: 365 };
  let total = 0;
  let any = false;
  for (const [k, v] of Object.entries(value)) {
    if (!(k in units) || typeof v !== 'number') return undefined;
    total += v * units[k]!;
    any = true;
  }
  return any ? total : undefined;
}
