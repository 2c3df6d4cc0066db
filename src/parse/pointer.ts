/** JSON Pointer (RFC 6901) helpers. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((s) => '/' + escapeSegment(s)).join('');
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
  const known = parsed.get(pointer);
  if (known) return [...known];
  return [...parseCached(pointer)];
}

function parseCached(pointer: string): readonly string[] {
  let segments = parsed.get(pointer);
  if (segments) return segments;
  if (!pointer.startsWith('/')) throw new Error(`JSON Pointer must start with "/": ${pointer}`);
  segments = Object.freeze(pointer.slice(1).split('/').map(unescapeSegment));
  if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
  parsed.set(pointer, segments);
  return segments;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Reads the value at a pointer; own properties only, so `__proto__` or `constructor` never reach the prototype. */
export function getAtPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let current: unknown = value;
  for (const segment of parseCached(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      if (!hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** Compares pointers so that `/cameras/2` sorts before `/cameras/10`. */
export function comparePointers(a: string, b: string): number {
  const sa = parsePointer(a);
  const sb = parsePointer(b);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i]!;
    const y = sb[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}
