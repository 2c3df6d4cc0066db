import type { InputIssue } from '../errors.js';
import { getAtPointer, getAtSegments, joinPointer, parsePointer } from '../parse/pointer.js';
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

/** The items of a list by their key: where each value first appears, and the items that repeat one. */
interface KeyIndex {
  first: Map<string, number>;
  repeats: Array<{ index: number; first: number; value: string }>;
}

function indexByKey(list: unknown[], key: string): KeyIndex {
  const segments = parsePointer(key);
  const first = new Map<string, number>();
  const repeats: KeyIndex['repeats'] = [];
  for (let i = 0; i < list.length; i++) {
    const value = getAtSegments(list[i], segments);
    if (typeof value !== 'string') continue;
    const seen = first.get(value);
    if (seen === undefined) first.set(value, i);
    else repeats.push({ index: i, first: seen, value });
  }
  return { first, repeats };
}

/**
 * Checks uniqueness and cross-references that JSON Schema cannot express. Plain loops that build
 * a pointer only for an issue, and one index per list and key (camera ids are both unique and
 * referred to): they run on lists of 100,000 cameras.
 */
export function checkIntegrity(data: unknown, constraints: IntegrityConstraints, source?: Pick<ParsedSource, 'locate' | 'file'>): InputIssue[] {
  const issues: InputIssue[] = [];
  const at = (pointer: string) => (source ? locateNearest(source, pointer) : undefined);
  const indexes = new Map<string, KeyIndex>();
  const index = (collection: string, key: string) => {
    const id = JSON.stringify([collection, key]);
    let found = indexes.get(id);
    if (!found) {
      found = indexByKey(items(data, collection), key);
      indexes.set(id, found);
    }
    return found;
  };

  for (const u of constraints.unique) {
    for (const repeat of index(u.collection, u.key).repeats) {
      const firstPointer = joinPointer(u.collection, repeat.first) + u.key;
      const pointer = joinPointer(u.collection, repeat.index) + u.key;
      const firstLoc = at(firstPointer);
      issues.push({
        code: 'duplicate-id',
        message: `duplicate ${u.what} "${repeat.value}", first declared at ${firstPointer}${firstLoc ? ` (line ${firstLoc.line})` : ''}`,
        pointer,
        location: at(pointer),
        expected: `a unique ${u.what}`,
      });
    }
  }

  for (const r of constraints.references) {
    const path = parsePointer(r.path);
    const list = items(data, r.from);
    let known: Map<string, number> | undefined; // built on the first value to look up
    let expected: string | undefined;
    const unknown = (v: unknown): v is string => {
      if (typeof v !== 'string') return false;
      known ??= index(r.to, r.key).first;
      return !known.has(v) && !r.except?.includes(v);
    };
    const report = (value: string, pointer: string) => {
      expected ??= expectedReference(r, known!);
      issues.push({ code: 'unknown-reference', message: `${r.what} "${value}" is not declared`, pointer, location: at(pointer), expected });
    };
    for (let i = 0; i < list.length; i++) {
      const value = getAtSegments(list[i], path);
      if (Array.isArray(value)) {
        for (let j = 0; j < value.length; j++) if (unknown(value[j])) report(value[j] as string, `${joinPointer(r.from, i)}${r.path}/${j}`);
      } else if (unknown(value)) report(value, joinPointer(r.from, i) + r.path);
    }
  }
  return issues;
}

/** What a reference may name: the first 20 values declared. */
function expectedReference(r: Reference, known: Map<string, number>): string {
  if (known.size === 0) return `an entry of ${r.to}`;
  const first: string[] = [];
  for (const k of known.keys()) {
    if (first.length === 20) break;
    first.push(k);
  }
  return `one of: ${first.join(', ')}${known.size > 20 ? ', …' : ''}`;
}
