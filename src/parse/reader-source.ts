import { isIndex } from './pointer.js';

/**
 * The reader of one JSON Pointer written as JavaScript source, for the paths of the built-in rules
 * (scripts/gen-builtin.mjs writes them into src/generated/readers.ts when vigie is built).
 *
 * Why: segmentsReader's closures are one piece of code for every path, so V8 sees each property
 * read there on every kind of object and key (a megamorphic lookup); a function of its own per
 * path reads `analytics` then `mode` where it always does, on objects of one or two shapes.
 * Same answers as getAtSegments: own properties only (test/reader-source.test.ts).
 */

/**
 * The body of `(v) => value at segments`, for segments that are all names; undefined when one is an
 * array index. It calls `hasOwn`, `Object.prototype.hasOwnProperty`, which the module defines.
 */
export function readerSource(segments: readonly string[]): string | undefined {
  if (segments.length === 0 || segments.some(isIndex)) return undefined;
  // The key is read first and own-ness checked only on a value found: most absent keys are then
  // decided by one property read, without a hasOwnProperty call. An inherited value is read, then refused.
  const steps = segments.map((s) => {
    const key = JSON.stringify(s);
    return `if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;\nx = v[${key}];\nif (x === undefined || !hasOwn.call(v, ${key})) return undefined;\nv = x;`;
  });
  return `let x;\n${steps.join('\n')}\nreturn v;`;
}
