import type { InputIssue } from '../errors.js';
import { getAtPointer, joinPointer } from '../parse/pointer.js';
import type { ParsedSource } from '../parse/source.js';
import { locateNearest } from './validate.js';

/** Values of `key` must be unique across the items of `collection`. */
export interface UniqueKey {
  collection: string;
  key: string;
  what: string;
}

/** Values at `path` of each item of `from` (or each element of that value, if an array) must name an item of `to` by its `key`. */
export interface Reference {
  from: string;
  path: string;
  to: string;
  key: string;
  what: string;
  /** Values that are allowed without naming anything (e.g. "all"). */
  except?: string[];
}

export interface IntegrityConstraints {
  unique: UniqueKey[];
  references: Reference[];
}

function items(data: unknown, pointer: string): unknown[] {
  const v = getAtPointer(data, pointer);
  return Array.isArray(v) ? v : [];
}

/** Checks uniqueness and cross-references that JSON Schema cannot express. */
export function checkIntegrity(data: unknown, constraints: IntegrityConstraints, source?: Pick<ParsedSource, 'locate' | 'file'>): InputIssue[] {
  const issues: InputIssue[] = [];
  const at = (pointer: string) => (source ? locateNearest(source, pointer) : undefined);

  for (const u of constraints.unique) {
    const seen = new Map<string, string>();
    items(data, u.collection).forEach((item, i) => {
      const value = getAtPointer(item, u.key);
      if (typeof value !== 'string') return;
      const pointer = joinPointer(u.collection, i) + u.key;
      const first = seen.get(value);
      if (first !== undefined) {
        const firstLoc = at(first);
        issues.push({
          code: 'duplicate-id',
          message: `duplicate ${u.what} "${value}", first declared at ${first}${firstLoc ? ` (line ${firstLoc.line})` : ''}`,
          pointer,
          location: at(pointer),
          expected: `a unique ${u.what}`,
        });
      } else seen.set(value, pointer);
    });
  }

  for (const r of constraints.references) {
    const known = new Set(items(data, r.to).map((t) => getAtPointer(t, r.key)).filter((k): k is string => typeof k === 'string'));
    items(data, r.from).forEach((item, i) => {
      const value = getAtPointer(item, r.path);
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      values.forEach((v, j) => {
        if (typeof v !== 'string' || known.has(v) || r.except?.includes(v)) return;
        const pointer = joinPointer(r.from, i) + r.path + (Array.isArray(value) ? `/${j}` : '');
        issues.push({
          code: 'unknown-reference',
          message: `${r.what} "${v}" is not declared`,
          pointer,
          location: at(pointer),
          expected: known.size ? `one of: ${[...known].slice(0, 20).join(', ')}${known.size > 20 ? ', …' : ''}` : `an entry of ${r.to}`,
        });
      });
    });
  }
  return issues;
}
