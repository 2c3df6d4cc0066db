import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { VigieInputError, type InputIssue, type InputKind, type SourceLocation } from '../errors.js';
import { parsePointer } from './pointer.js';

export type SourceFormat = 'yaml' | 'json';

/** Limits that keep a hostile document from exhausting memory. */
export interface ParseLimits {
  /** Most alias expansions a YAML document may make (alias bombs). */
  maxAliasCount: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliasCount: 100 };

/** A parsed document that remembers where each value came from. */
export interface ParsedSource {
  data: unknown;
  file?: string;
  /** Line and column of the value at a JSON Pointer (of its key, for an object member), if it is in the text. */
  locate(pointer: string): SourceLocation | undefined;
}

export interface ParseOptions {
  file?: string;
  /** Defaults to the file's extension, then YAML (which reads JSON too). */
  format?: SourceFormat;
  kind?: InputKind;
  limits?: Partial<ParseLimits>;
}

export function formatFromName(file: string | undefined): SourceFormat {
  return file && /\.json$/i.test(file) ? 'json' : 'yaml';
}

/**
 * Parses YAML or JSON text. JSON is first checked strictly with JSON.parse, then read again
 * with the YAML parser, which gives positions and rejects duplicate keys that JSON.parse would
 * silently let the last one win.
 */
export function parseSource(text: string, options: ParseOptions = {}): ParsedSource {
  const file = options.file;
  const kind = options.kind ?? 'config';
  const format = options.format ?? formatFromName(file);
  const limits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  if (body.trim() === '') {
    throw new VigieInputError(kind, [
      { code: 'empty', message: 'the document is empty', location: { file, line: 1, column: 1 }, expected: 'a YAML or JSON mapping' },
    ]);
  }
  if (format === 'json') checkJsonSyntax(body, file, kind);

  const lineCounter = new LineCounter();
  const doc = parseDocument(body, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2', strict: true });
  const position = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  const issues: InputIssue[] = doc.errors.map((e) => ({
    code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax',
    message: e.code === 'DUPLICATE_KEY' ? 'duplicate key: each key may appear only once in a mapping' : firstLine(e.message),
    location: position(e.pos[0]),
  }));
  if (issues.length > 0) throw new VigieInputError(kind, issues);

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

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function checkJsonSyntax(text: string, file: string | undefined, kind: InputKind): void {
  try {
    JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    let location: SourceLocation;
    if (lc) location = { file, line: Number(lc[1]), column: Number(lc[2]) };
    else location = offsetToLocation(text, pos ? Number(pos[1]) : text.length, file);
    throw new VigieInputError(kind, [
      { code: 'syntax', message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`, location },
    ]);
  }
}

export function offsetToLocation(text: string, offset: number, file?: string): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, column: offset - lineStart + 1 };
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
