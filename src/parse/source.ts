import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { VigieInputError, type InputIssue, type InputKind, type SourceLocation } from '../errors.js';
import { parseJsonSource, tryJsonParse } from './json-source.js';
import { DEFAULT_PARSE_LIMITS, tooDeep, type ParseLimits } from './limits.js';
import { escapeSegment, parsePointer } from './pointer.js';

export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.js';
export { offsetToLocation } from './line-index.js';

export type SourceFormat = 'yaml' | 'json';

/** A parsed document that remembers where each value came from. */
export interface ParsedSource {
  data: unknown;
  file?: string;
  /** Line and column of the value at a JSON Pointer (of its key, for an object member), if it is in the text. */
  locate(pointer: string): SourceLocation | undefined;
}

export interface ParseOptions {
  file?: string;
  /**
   * Defaults to the file's extension (`.json`), then to JSON for text that opens an object or an
   * array and that JSON.parse accepts (unless the file is named `.yaml` or `.yml`), then YAML.
   * Read either way, JSON gives the same data, issues and locations.
   */
  format?: SourceFormat;
  kind?: InputKind;
  limits?: Partial<ParseLimits>;
}

export function formatFromName(file: string | undefined): SourceFormat {
  return file && /\.json$/i.test(file) ? 'json' : 'yaml';
}

/**
 * Parses YAML or JSON text. JSON is read by JSON.parse and located by a scan of its own
 * (json-source.ts), with the answers the YAML reader gives on it: positions, and duplicate keys
 * refused where JSON.parse would silently let the last one win. Text of no stated format that
 * JSON.parse accepts is read so too, unless its file is named as YAML.
 */
export function parseSource(text: string, options: ParseOptions = {}): ParsedSource {
  const file = options.file;
  const kind = options.kind ?? 'config';
  const format = options.format ?? formatFromName(file);
  const limits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  // JavaScript callers are not held to the types: a Buffer or undefined is an input error.
  if (typeof text !== 'string') {
    throw new VigieInputError(kind, [
      { code: 'not-text', message: `the document is ${text === null ? 'null' : typeof text}, not text`, location: { file, line: 1, column: 1 }, expected: 'a string of YAML or JSON' },
    ]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  if (body.trim() === '') {
    throw new VigieInputError(kind, [
      { code: 'empty', message: 'the document is empty', location: { file, line: 1, column: 1 }, expected: 'a YAML or JSON mapping' },
    ]);
  }
  if (format === 'json') return parseJsonSource(body, file, kind, limits.maxDepth);
  if (options.format === undefined && !/\.ya?ml$/i.test(file ?? '') && startsLikeJson(body)) {
    const parsed = tryJsonParse(body);
    if (parsed) return parseJsonSource(body, file, kind, limits.maxDepth, parsed);
  }

  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(body, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2', strict: true });
  } catch (e) {
    // The parser's own recursion reaching the stack's end: nothing else of it throws.
    if (e instanceof RangeError) throw new VigieInputError(kind, [tooDeep(limits.maxDepth, { file, line: 1, column: 1 })]);
    throw e;
  }
  const position = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  // The parser recurses once per level: past a few hundred levels it reports the stack's end
  // as an error of its own. That is a document nested too deeply, said once, where it starts.
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) throw new VigieInputError(kind, [tooDeep(limits.maxDepth, position(exhausted.pos[0]))]);
  // Warnings are errors here: an unknown tag (`!!js/function`) would otherwise be read as plain text.
  const issues: InputIssue[] = [...doc.errors, ...doc.warnings].map((e) => ({
    code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax',
    message: e.code === 'DUPLICATE_KEY' ? 'duplicate key: each key may appear only once in a mapping' : firstLine(e.message),
    location: position(e.pos[0]),
  }));
  if (issues.length > 0) throw new VigieInputError(kind, issues);
  const shape = shapeProblem(doc, limits.maxDepth);
  if (shape?.problem === 'depth') throw new VigieInputError(kind, [{ ...tooDeep(limits.maxDepth, position(shape.offset)), pointer: shape.pointer }]);
  if (shape?.problem === 'cycle') {
    throw new VigieInputError(kind, [
      { code: 'syntax', message: 'an alias refers to a mapping or sequence that contains it (a cycle)', pointer: shape.pointer, location: position(shape.offset), expected: 'an alias to a node outside itself' },
    ]);
  }
  if (shape?.problem === 'key') {
    throw new VigieInputError(kind, [
      { code: 'syntax', message: 'a mapping key is itself a mapping or a sequence', pointer: shape.pointer, location: position(shape.offset), expected: 'a plain text key' },
    ]);
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const aliases = /alias/i.test(message);
    throw new VigieInputError(kind, [
      {
        code: aliases ? 'alias-limit' : 'syntax',
        message: aliases
          ? `too many YAML alias expansions (limit ${limits.maxAliasCount}): the document may be an alias bomb`
          : firstLine(message),
        location: { file, line: 1, column: 1 },
      },
    ]);
  }

  return {
    data,
    file,
    locate(pointer) {
      const node = nodeAt(doc, pointer);
      return node === undefined ? undefined : position(node);
    },
  };
}

/**
 * The first node nested deeper than `maxDepth`, or the first key that is a collection (JSON has
 * none, and turning one into text would make a key nobody wrote). Walks without recursion.
 */
function shapeProblem(doc: Document, maxDepth: number): { problem: 'depth' | 'key' | 'cycle'; offset: number; pointer: string } | undefined {
  const stack: Array<{ node: unknown; depth: number; pointer: string }> = [{ node: doc.contents, depth: 0, pointer: '' }];
  const parents = new Map<unknown, unknown>();
  while (stack.length > 0) {
    const { node, depth, pointer } = stack.pop()!;
    if (isAlias(node)) {
      // `&a [*a]` makes a value that contains itself: every later walk over it would never end.
      const target = node.resolve(doc);
      for (let up = parents.get(node); up !== undefined; up = parents.get(up)) {
        if (up === target) return { problem: 'cycle', offset: node.range?.[0] ?? 0, pointer };
      }
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= maxDepth) return { problem: 'depth', offset: node.range?.[0] ?? 0, pointer };
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      if (isPair(item)) {
        if (item.key !== null && !isScalar(item.key) && !isAlias(item.key)) {
          return { problem: 'key', offset: (item.key as Node).range?.[0] ?? node.range?.[0] ?? 0, pointer };
        }
        const key = isScalar(item.key) ? String(item.key.value) : '';
        parents.set(item.value, node);
        stack.push({ node: item.value, depth: depth + 1, pointer: `${pointer}/${escapeSegment(key)}` });
      } else {
        parents.set(item, node);
        stack.push({ node: item, depth: depth + 1, pointer: `${pointer}/${i}` });
      }
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Whether the first character that is not a space opens a JSON object or array. */
function startsLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) return true;
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return false;
}

/** Offset of the node at a pointer: the key of an object member, the item of a sequence. */
function nodeAt(doc: Document, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const segment of parsePointer(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) return undefined;
      offset = (pair.key as Node).range?.[0];
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined || !/^\d+$/.test(segment)) return undefined;
      node = item;
      offset = (item as Node).range?.[0];
    } else {
      return undefined;
    }
  }
  return offset;
}
