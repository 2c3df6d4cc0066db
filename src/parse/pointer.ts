/** JSON Pointer (RFC 6901) helpers. */
import { generatedPlainReaders, generatedReaders } from '../generated/readers.js';

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  if (segments.length === 1 && typeof segments[0] === 'number') return `${base}/${segments[0]}`; // an index needs no escaping
  return base + segments.map((s) => '/' + escapeSegment(s)).join('');
}

/** The pointer of parsed segments (parsePointer's inverse). */
export function joinSegments(segments: readonly string[]): string {
  return segments.length === 0 ? '' : '/' + segments.map(escapeSegment).join('/');
}

/** Appends a pointer (itself starting with `/`, or empty) to a base pointer. */
export function appendPointer(base: string, suffix: string): string {
  return suffix === '' ? base : base + suffix;
}

/** Parsed pointers, kept because rules read the same few paths on every target of a large log. Bounded. */
const parsed = new Map<string, readonly string[]>();
const PARSED_CACHE_SIZE = 10_000;

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return [...parseCached(pointer)];
}

function parseCached(pointer: string): readonly string[] {
  let segments = parsed.get(pointer);
  if (segments) return segments;
  if (!pointer.startsWith('/')) throw new Error(`JSON Pointer must start with "/": ${pointer}`);
  const raw = pointer.slice(1).split('/');
  segments = Object.freeze(pointer.includes('~') ? raw.map(unescapeSegment) : raw);
  if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
  parsed.set(pointer, segments);
  return segments;
}

/** An array index as RFC 6901 writes it: `0`, or digits not starting with 0. */
export function isIndex(segment: string): boolean {
  const n = segment.length;
  if (n === 0 || (n > 1 && segment.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = segment.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Reads the value at a pointer; own properties only, so `__proto__` or `constructor` never reach the prototype. */
export function getAtPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  return getAtSegments(value, parseCached(pointer));
}

/** getAtPointer with the pointer already parsed (for paths read on every target). */
export function getAtSegments(value: unknown, segments: readonly string[]): unknown {
  let current: unknown = value;
  // An indexed loop: for…of allocates an iterator wherever V8 does not optimize it away.
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!isIndex(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      if (!hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/**
 * getAtSegments for one path, read on every target: paths of one or two names (`/retention/days`),
 * the usual case, get a reader without the loop; the paths of the built-in rules get one written
 * for them when vigie is built (reader-source.ts). Same answers as getAtSegments.
 */
export function segmentsReader(segments: readonly string[]): PathReader {
  const generated = generatedReaders.get(joinSegments(segments));
  if (generated) return generated;
  const [a, b] = segments;
  const named = (s: string) => !isIndex(s);
  if (segments.length === 1 && named(a!)) return (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && hasOwn(v, a!) ? (v as Record<string, unknown>)[a!] : undefined);
  if (segments.length === 2 && named(a!) && named(b!)) {
    return (v) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !hasOwn(v, a!)) return undefined;
      const w = (v as Record<string, unknown>)[a!];
      return w !== null && typeof w === 'object' && !Array.isArray(w) && hasOwn(w, b!) ? (w as Record<string, unknown>)[b!] : undefined;
    };
  }
  if (segments.length === 3 && segments.every(named)) {
    const c = segments[2]!;
    const ab = segmentsReader([a!, b!]);
    return (v) => {
      const w = ab(v);
      return w !== null && typeof w === 'object' && !Array.isArray(w) && hasOwn(w, c) ? (w as Record<string, unknown>)[c] : undefined;
    };
  }
  const copy = [...segments];
  return (v) => getAtSegments(v, copy);
}

/** Reads the value at one parsed path (see segmentsReader). */
export type PathReader = (value: unknown) => unknown;

/** Makes the reader of a parsed path: segmentsReader, or plainDataReader where the data allows it. */
export type PathReaders = (segments: readonly string[]) => PathReader;

/**
 * segmentsReader for plain data: arrays, and objects whose prototype is Object.prototype (as
 * JSON.parse makes them) or null. There, a value found under a name that Object.prototype does not
 * have is the object's own, and the readers written for the built-in rules' paths read it without asking
 * (see readerSource); any other path gets segmentsReader's own reader. Whoever uses it must know
 * that every object read is plain, and that Object.prototype has none of the names read (see
 * scope-judge.ts): otherwise an inherited value would be read where segmentsReader reads none.
 */
export function plainDataReader(segments: readonly string[]): PathReader {
  return generatedPlainReaders.get(joinSegments(segments)) ?? segmentsReader(segments);
}

/** Compares pointers so that `/cameras/2` sorts before `/cameras/10`. */
export function comparePointers(a: string, b: string): number {
  if (a === b) return 0;
  // Fast path for siblings such as /cameras/2 and /cameras/10 (sorting 100,000s of findings).
  // Read in place: a slice per comparison was most of the cost of sorting a large report.
  const ia = a.lastIndexOf('/');
  if (ia >= 0 && ia === b.lastIndexOf('/') && samePrefix(a, b, ia + 1)) {
    const x = indexAt(a, ia + 1);
    const y = indexAt(b, ia + 1);
    if (x >= 0 && y >= 0) return x - y;
  }
  const sa = parsePointer(a);
  const sb = parsePointer(b);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i]!;
    const y = sb[i]!;
    if (x === y) continue;
    const nx = isDigits(x) ? Number(x) : NaN;
    const ny = isDigits(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}

function samePrefix(a: string, b: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** The number written in digits from `start` to the end of `s`; -1 if it is not all digits or too long to be exact. */
function indexAt(s: string, start: number): number {
  const n = s.length - start;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
