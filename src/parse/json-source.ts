import { VigieInputError, type InputIssue, type InputKind, type SourceLocation } from '../errors.js';
import { TapeReader, memberKey, scanJson, valueOfMember, type JsonTape } from './json-tape.js';
import { tooDeep } from './limits.js';
import { lineLocator, offsetToLocation } from './line-index.js';
import { escapeSegment, parsePointer } from './pointer.js';
import type { ParsedSource } from './source.js';

/**
 * Parses JSON text: the values by JSON.parse, positions by a scan of the text (json-tape.ts) made
 * when first asked for. The result is what the YAML reader gives for the same text (which reads
 * JSON too, and which parsed JSON before): duplicate keys refused at the second key, nesting
 * deeper than `maxDepth` refused where it starts, and the same line and column for every pointer.
 *
 * `parsed` is the value of a JSON.parse already made on `text`, when the caller tried one.
 */
export function parseJsonSource(text: string, file: string | undefined, kind: InputKind, maxDepth: number, parsed?: { data: unknown }): ParsedSource {
  let data: unknown;
  if (parsed) data = parsed.data;
  else {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw jsonSyntaxError(e, text, file, kind);
    }
  }
  const position = lineLocator(text, file);
  let reader: TapeReader | undefined;
  let tape: JsonTape | undefined;
  const readerOf = (): TapeReader => {
    tape ??= scanJson(text, maxDepth);
    return (reader ??= new TapeReader(text, tape));
  };
  // JSON.parse keeps the last of duplicate keys; their absence is proven without a scan, by
  // counting (see plainlyUnique). Only a text that fails the count, or nests too deep, is scanned now.
  if (!plainlyUnique(text, data, maxDepth)) {
    tape = scanJson(text, maxDepth);
    const issues = duplicateKeys(text, tape, readerOf(), position);
    if (issues.length > 0) throw new VigieInputError(kind, issues);
    if (tape.tooDeep >= 0) {
      const { pointer, offset } = pathTo(tape.tooDeep, text, tape, readerOf());
      throw new VigieInputError(kind, [{ ...tooDeep(maxDepth, position(offset)), pointer }]);
    }
  }
  return {
    data,
    file,
    locate(pointer) {
      if (pointer !== '' && !pointer.startsWith('/')) parsePointer(pointer); // throws, as for YAML
      const n = readerOf().find(pointer);
      return n < 0 ? undefined : position(tape!.at[n]!);
    },
  };
}

/** JSON.parse's answer on `text`, or undefined if it is not JSON. */
export function tryJsonParse(text: string): { data: unknown } | undefined {
  try {
    return { data: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** JSON.parse's error, located by the line and column or the position its message names. */
function jsonSyntaxError(e: unknown, text: string, file: string | undefined, kind: InputKind): VigieInputError {
  const message = e instanceof Error ? e.message : String(e);
  const lc = /line (\d+) column (\d+)/.exec(message);
  const pos = /position (\d+)/.exec(message);
  let location: SourceLocation;
  if (lc) location = { file, line: Number(lc[1]), column: Number(lc[2]) };
  else location = offsetToLocation(text, pos ? Number(pos[1]) : text.length, file);
  return new VigieInputError(kind, [
    { code: 'syntax', message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`, location },
  ]);
}

/**
 * Whether the text has no duplicate key and no nesting of `maxDepth` levels, shown from the value
 * JSON.parse made. Every string of the text is a key or a string value; JSON.parse drops the key
 * (and value) of a member whose key comes again, so the text has duplicates exactly when it has
 * more strings than the value has keys and strings. A false answer means: scan to find out.
 */
function plainlyUnique(text: string, data: unknown, maxDepth: number): boolean {
  const found = keysAndStrings(data, maxDepth);
  return found >= 0 && 2 * found === unescapedQuotes(text);
}

/** The number of keys and string values in a parsed value, or -1 if it nests `maxDepth` levels. */
function keysAndStrings(data: unknown, maxDepth: number): number {
  if (typeof data === 'string') return 1;
  if (data === null || typeof data !== 'object') return 0;
  let count = 0;
  const stack: object[] = [data];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const value = stack.pop()!;
    const depth = depths.pop()!;
    if (depth >= maxDepth) return -1;
    let items: unknown[];
    if (Array.isArray(value)) items = value;
    else {
      items = Object.values(value);
      count += items.length;
    }
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'string') count++;
      else if (item !== null && typeof item === 'object') {
        stack.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return count;
}

/** Quotes that open or close a string (not those escaped inside one). */
function unescapedQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    let b = i - 1;
    while (text.charCodeAt(b) === 92) b--;
    if ((i - 1 - b) % 2 === 0) count++;
  }
  return count;
}

/**
 * Every key written a second time in its object, located at that key, in the order the YAML
 * reader reports them: a member's key after the duplicates inside its value.
 */
function duplicateKeys(text: string, tape: JsonTape, reader: TapeReader, position: (offset: number) => SourceLocation): InputIssue[] {
  const repeated: number[] = [];
  const stack: Array<[number, boolean]> = [[0, false]];
  while (stack.length > 0) {
    const [n, member] = stack.pop()!;
    if (tape.end[n] === n + 1) continue;
    const children = reader.children(n);
    const object = reader.isObject(n, member);
    if (object) {
      const seen = new Set<string>();
      for (const child of children) {
        const key = memberKey(text, tape.at[child]!);
        if (seen.has(key)) repeated.push(child);
        else seen.add(key);
      }
    }
    for (const child of children) stack.push([child, object]);
  }
  // A member's subtree is [n, end[n]): ordered by where subtrees end, the inner one first.
  repeated.sort((a, b) => tape.end[a]! - tape.end[b]! || b - a);
  return repeated.map((n) => ({ code: 'duplicate-key', message: 'duplicate key: each key may appear only once in a mapping', location: position(tape.at[n]!) }));
}

/** The JSON Pointer of value `target`, and the offset of the value itself (not of its key). */
function pathTo(target: number, text: string, tape: JsonTape, reader: TapeReader): { pointer: string; offset: number } {
  let n = 0;
  let member = false;
  let pointer = '';
  while (n !== target) {
    const object = reader.isObject(n, member);
    let index = 0;
    for (let child = n + 1; ; child = tape.end[child]!, index++) {
      if (target < tape.end[child]!) {
        pointer += '/' + (object ? escapeSegment(memberKey(text, tape.at[child]!)) : String(index));
        n = child;
        break;
      }
    }
    member = object;
  }
  return { pointer, offset: member ? valueOfMember(text, tape.at[n]!) : tape.at[n]! };
}
