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
 *
 * With `plain`, the reader is for plain data only (see plainDataReader in pointer.ts): objects
 * whose prototype is Object.prototype (as JSON.parse makes them) or null, where a value found
 * under a name Object.prototype does not have is the object's own. It then reads
 * without the hasOwnProperty call, which was about a tenth of an evaluation's instructions.
 */
export function readerSource(segments: readonly string[], plain = false): string | undefined {
  if (segments.length === 0 || segments.some(isIndex)) return undefined;
  // The key is read first and own-ness checked only on a value found: most absent keys are then
  // decided by one property read, without a hasOwnProperty call. An inherited value is read, then refused.
  const steps = segments.map((s) => {
    const key = JSON.stringify(s);
    const found = plain ? 'x === undefined' : `x === undefined || !hasOwn.call(v, ${key})`;
    return `if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;\nx = v[${key}];\nif (${found}) return undefined;\nv = x;`;
  });
  return `let x;\n${steps.join('\n')}\nreturn v;`;
}
