import { expect } from 'vitest';
import { VigieInputError, type InputIssue } from '../src/index.js';

/** The issues of the VigieInputError `fn` throws (or its promise rejects with); fails on anything else. */
export async function issuesOf(fn: () => unknown): Promise<InputIssue[]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof VigieInputError) return e.issues;
    throw e;
  }
  throw new Error('expected a VigieInputError');
}

export function syncIssuesOf(fn: () => unknown): InputIssue[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof VigieInputError) return e.issues;
    throw e;
  }
  throw new Error('expected a VigieInputError');
}

/** Every issue says where: a line and column in a file, or a JSON Pointer in an object. */
export function expectLocated(issues: InputIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    const located = (i.location !== undefined && i.location.line >= 1 && i.location.column >= 1) || typeof i.pointer === 'string';
    expect(located, JSON.stringify(i)).toBe(true);
  }
}

/** Freezes a value and everything it holds, so that any attempt to change it throws. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    Object.freeze(v);
    for (const k of Reflect.ownKeys(v)) stack.push((v as Record<string | symbol, unknown>)[k]);
  }
  return value;
}

/** Object.prototype carries nothing it did not carry before (no prototype pollution). */
export function expectCleanPrototype(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
