import { unescapeSegment } from './pointer.js';

/**
 * Where each value of a JSON text stands, read in one pass without building the values (JSON.parse
 * builds them, much faster). The text must be JSON that JSON.parse accepted: the scan checks
 * nothing, and on other text it only stops, with positions that mean nothing.
 *
 * Values are numbered in document order (a container before what it holds). For each the tape
 * keeps where it is written, as positions are reported: the offset of its key for an object
 * member, of the value itself for an array item or the root; and the number after its last
 * descendant, so that a container's children are found by hopping from one to the next.
 */
export interface JsonTape {
  /** Offset of each value's key (an object member) or of the value (an array item, the root). */
  at: Int32Array;
  /** For each value, the number after its last descendant: the value's subtree is [n, end[n]). */
  end: Int32Array;
  /** How many values. */
  count: number;
  /** The first mapping or sequence, in document order, nested `maxDepth` levels or more below the root; -1 if none. */
  tooDeep: number;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;
const BRACKET_OPEN = 91;
const BACKSLASH = 92;
const BRACKET_CLOSE = 93;
const BRACE_OPEN = 123;
const BRACE_CLOSE = 125;

/** Scans `text`, valid JSON, into its tape. Iterative: the depth of the text does not reach the stack. */
export function scanJson(text: string, maxDepth: number): JsonTape {
  let capacity = Math.max(64, text.length >>> 5);
  let at: Int32Array = new Int32Array(capacity);
  let end: Int32Array = new Int32Array(capacity);
  let count = 0;
  let tooDeep = -1;
  // The containers open around the current value, and whether each is an object.
  const open: number[] = [];
  const isObject: boolean[] = [];
  let i = skipSpace(text, 0);
  let keyAt = -1;
  for (;;) {
    if (count === capacity) {
      capacity *= 2;
      at = grown(at, capacity);
      end = grown(end, capacity);
    }
    const self = count++;
    at[self] = keyAt >= 0 ? keyAt : i;
    const c = text.charCodeAt(i);
    if (c === BRACE_OPEN || c === BRACKET_OPEN) {
      if (open.length >= maxDepth && tooDeep < 0) tooDeep = self;
      i = skipSpace(text, i + 1);
      const next = text.charCodeAt(i);
      if (next === BRACE_CLOSE || next === BRACKET_CLOSE) {
        end[self] = count;
        i++;
      } else {
        open.push(self);
        isObject.push(c === BRACE_OPEN);
        keyAt = c === BRACE_OPEN ? i : -1;
        if (keyAt >= 0) i = valueOfMember(text, i);
        continue;
      }
    } else {
      i = c === QUOTE ? afterString(text, i) : afterScalar(text, i);
      end[self] = count;
    }
    // After a value: a comma leads to the next member or item, a bracket closes a container.
    for (;;) {
      if (open.length === 0) return { at, end, count, tooDeep };
      i = skipSpace(text, i);
      if (text.charCodeAt(i) === COMMA) {
        i = skipSpace(text, i + 1);
        keyAt = isObject[isObject.length - 1] ? i : -1;
        if (keyAt >= 0) i = valueOfMember(text, i);
        break;
      }
      i++;
      end[open.pop()!] = count;
      isObject.pop();
    }
  }
}

function grown(a: Int32Array, capacity: number): Int32Array {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}

function skipSpace(text: string, i: number): number {
  let c = text.charCodeAt(i);
  while (c === SPACE || c === LF || c === CR || c === TAB) c = text.charCodeAt(++i);
  return i;
}

/** The offset after the string that starts at `i` (its opening quote). */
function afterString(text: string, i: number): number {
  let close = text.indexOf('"', i + 1);
  // A quote after an odd run of backslashes is escaped, part of the string.
  while (close > 0 && text.charCodeAt(close - 1) === BACKSLASH) {
    let b = close - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((close - b) % 2 === 1) break;
    close = text.indexOf('"', close + 1);
  }
  return close < 0 ? text.length : close + 1;
}

/** The offset after a number, `true`, `false` or `null` starting at `i`. */
function afterScalar(text: string, i: number): number {
  const n = text.length;
  let c = text.charCodeAt(++i);
  while (i < n && c !== COMMA && c !== BRACE_CLOSE && c !== BRACKET_CLOSE && c !== SPACE && c !== LF && c !== CR && c !== TAB) c = text.charCodeAt(++i);
  return i;
}

/** The offset of the value of the member whose key starts at `keyAt`: past the key, the colon and spaces. */
export function valueOfMember(text: string, keyAt: number): number {
  return skipSpace(text, skipSpace(text, afterString(text, keyAt)) + 1);
}

/** The key of the member at `keyAt`, decoded. */
export function memberKey(text: string, at: number): string {
  const close = afterString(text, at) - 1;
  const raw = text.slice(at + 1, close);
  return raw.includes('\\') ? (JSON.parse(text.slice(at, close + 1)) as string) : raw;
}

/**
 * Whether the member at `at` has the key `name`. Compares the key as written while it has no
 * escape, which settles almost every key at its first character; decodes it at the first backslash.
 */
function keyIs(text: string, at: number, name: string): boolean {
  for (let j = 0; ; j++) {
    const c = text.charCodeAt(at + 1 + j);
    if (c === BACKSLASH) return memberKey(text, at) === name;
    if (c === QUOTE) return j === name.length;
    if (j >= name.length || c !== name.charCodeAt(j)) return false;
  }
}

/** An array index as the YAML reader took it: digits only, leading zeros allowed. */
function asIndex(segment: string): number {
  if (segment.length === 0) return -1;
  for (let j = 0; j < segment.length; j++) {
    const c = segment.charCodeAt(j);
    if (c < ZERO || c > NINE) return -1;
  }
  return Number(segment);
}

/** Containers with more children than this get a table of them when first looked into. */
const INDEXED_FROM = 16;

/**
 * Finds values of a tape by JSON Pointer, as the YAML reader's nodes were searched. Containers of
 * more than INDEXED_FROM children get a table of them when first looked into (a deployment's
 * camera list is looked into for every finding); smaller ones are searched key by key.
 */
export class TapeReader {
  private readonly items = new Map<number, Int32Array>();
  private readonly members = new Map<number, Map<string, number>>();

  constructor(
    private readonly text: string,
    private readonly tape: JsonTape,
  ) {}

  /** The value at a JSON Pointer (its number in the tape), or -1 if there is none. */
  find(pointer: string): number {
    let n = 0;
    let member = false;
    // Segments are read off the pointer as they come: finding values for every finding of a
    // large deployment, parsing each pointer into an array would cost more than the search.
    for (let from = 1; from <= pointer.length; ) {
      let to = pointer.indexOf('/', from);
      if (to < 0) to = pointer.length;
      const raw = pointer.slice(from, to);
      const segment = raw.includes('~') ? unescapeSegment(raw) : raw;
      from = to + 1;
      const start = member ? valueOfMember(this.text, this.tape.at[n]!) : this.tape.at[n]!;
      const c = this.text.charCodeAt(start);
      if (c === BRACE_OPEN) {
        n = this.member(n, segment);
        member = true;
      } else if (c === BRACKET_OPEN) {
        n = this.item(n, segment);
        member = false;
      } else {
        return -1;
      }
      if (n < 0) return -1;
    }
    return n;
  }

  /** The children of a container, in order. */
  children(n: number): number[] {
    const out: number[] = [];
    const end = this.tape.end;
    for (let child = n + 1; child < end[n]!; child = end[child]!) out.push(child);
    return out;
  }

  /** Whether the value `n` (a member if `member`) is an object. */
  isObject(n: number, member: boolean): boolean {
    return this.text.charCodeAt(member ? valueOfMember(this.text, this.tape.at[n]!) : this.tape.at[n]!) === BRACE_OPEN;
  }

  private member(n: number, name: string): number {
    let table = this.members.get(n);
    if (!table) {
      const end = this.tape.end;
      let size = 0;
      for (let child = n + 1; child < end[n]!; child = end[child]!) {
        if (++size > INDEXED_FROM) break;
      }
      if (size <= INDEXED_FROM) {
        for (let child = n + 1; child < end[n]!; child = end[child]!) if (keyIs(this.text, this.tape.at[child]!, name)) return child;
        return -1;
      }
      table = new Map();
      // A key written twice would have been refused; the first wins as in the YAML reader anyway.
      for (const child of this.children(n)) {
        const key = memberKey(this.text, this.tape.at[child]!);
        if (!table.has(key)) table.set(key, child);
      }
      this.members.set(n, table);
    }
    return table.get(name) ?? -1;
  }

  private item(n: number, segment: string): number {
    const index = asIndex(segment);
    if (index < 0) return -1;
    let table = this.items.get(n);
    if (!table) {
      const end = this.tape.end;
      let child = n + 1;
      for (let k = 0; k < INDEXED_FROM && child < end[n]!; k++, child = end[child]!) if (k === index) return child;
      if (child >= end[n]!) return -1;
      table = Int32Array.from(this.children(n));
      this.items.set(n, table);
    }
    return index < table.length ? table[index]! : -1;
  }
}
