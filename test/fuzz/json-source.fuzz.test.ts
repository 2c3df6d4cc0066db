// JSON is read by JSON.parse and a scan of positions of its own (src/parse/json-source.ts); it was
// read by the YAML reader before, which reads JSON too. For generated JSON texts — any values,
// keys that have broken parsers (`__proto__`, `~1`, `"`, escapes written as \uXXXX), numbers
// written every way JSON allows, any whitespace between tokens, duplicate keys, nesting past the
// limit, hand edits — both readings must give the same data, the same issues and the same line and
// column for every pointer. Text of no stated format is sniffed as JSON: the same answers again.
import fc from 'fast-check';
import { isDeepStrictEqual, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VigieInputError, parseSource, type ParsedSource } from '../../src/index.js';
import { escapeSegment } from '../../src/parse/pointer.js';
import { fuzz } from './fuzz.js';

/** A JSON document as written: values, and for strings and numbers the exact text. */
type Written = { object: Array<[string, Written]> } | { array: Written[] } | { string: string } | { number: string } | { literal: 'true' | 'false' | 'null' };

const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', '~', '/', '~0', '~1', 'a/b', '0', '01', '1', '10', 'id', 'é', '\u2028', '"', '\\', 'a"b', '🎥', '<<', '- x', '? x', '#', '&a', '*a', '!!str', '\u0000', '\uD800'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const numberText = fc.oneof(
  fc.constantFrom('0', '-0', '0.0', '-0.0', '1E400', '-1e999', '1e-400', '123456789012345678901234567890', '1.50', '1e+2', '0e0', '9007199254740993', '5e-324', '2.2250738585072011e-308', '1E-7'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);
const scalar: fc.Arbitrary<Written> = fc.oneof(
  key.map((s) => ({ string: s })),
  numberText.map((n) => ({ number: n })),
  fc.constantFrom('true', 'false', 'null').map((l) => ({ literal: l as 'true' | 'false' | 'null' })),
);
const members = (value: fc.Arbitrary<Written>, size: { minLength?: number; maxLength: number }) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.uniqueArray(fc.tuple(key, value), { ...size, selector: ([k]) => k }) },
    // Keys drawn from a small set repeat: duplicate keys (written the same or with other escapes).
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(key, fc.constantFrom('a', 'a', '__proto__', '~1')), value), size) },
  ).map((m) => ({ object: m }));
const { value: written } = fc.letrec<{ value: Written; array: Written; object: Written; wide: Written }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: scalar },
    { weight: 3, arbitrary: tie('array') },
    { weight: 3, arbitrary: tie('object') },
    { weight: 1, arbitrary: tie('wide') },
  ),
  array: fc.array(tie('value'), { maxLength: 6 }).map((items) => ({ array: items })),
  object: members(tie('value'), { maxLength: 6 }),
  // Containers of more than 16 children get a table of them when looked into.
  wide: fc.oneof(fc.array(scalar, { minLength: 17, maxLength: 18 }).map((items) => ({ array: items })), members(scalar, { minLength: 17, maxLength: 18 })),
}));
/** Now and then a value nested around the parse limit (100 levels), in arrays or objects (slow to compare: rare). */
const document = fc.oneof(
  { weight: 30, arbitrary: written },
  {
    weight: 1,
    arbitrary: fc.tuple(written, fc.integer({ min: 97, max: 103 }), fc.constantFrom('array', 'object')).map(([inner, depth, how]) => {
      let v = inner;
      for (let i = 0; i < depth; i++) v = how === 'array' ? { array: [v] } : { object: [['a', v]] };
      return v;
    }),
  },
);

// Lone carriage returns are left out: the YAML reader took `,\r"b"` for a plain scalar (see the
// unit tests below); JSON.parse reads them as the spaces JSON says they are.
const SPACES = ['', '', ' ', '  ', '\n', '\t', '\r\n', '\n    ', ' \n\t '];

/** Writes a document, every choice (spaces, escapes) taken from `choices` in turn. */
function write(doc: Written, choices: number[]): string {
  let k = 0;
  const pick = (n: number) => (choices.length === 0 ? 0 : choices[k++ % choices.length]! % n);
  const space = () => SPACES[pick(SPACES.length)]!;
  const str = (s: string) => {
    let out = '"';
    for (const ch of s) {
      const code = ch.codePointAt(0)!;
      const way = pick(4);
      if (ch === '"' || ch === '\\' || code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || way === 0) {
        const short = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '/': '\\/' }[ch];
        // An astral character is escaped as its two UTF-16 halves.
        out += short && way !== 1 ? short : ch.split('').map((u) => '\\u' + u.charCodeAt(0).toString(16).padStart(4, '0')).join('');
      } else {
        out += ch;
      }
    }
    return out + '"';
  };
  const value = (d: Written): string => {
    if ('string' in d) return str(d.string);
    if ('number' in d) return d.number;
    if ('literal' in d) return d.literal;
    if ('array' in d) return '[' + space() + d.array.map((v) => value(v) + space()).join(',' + space()) + ']';
    return '{' + space() + d.object.map(([k, v]) => str(k) + space() + ':' + space() + value(v) + space()).join(',' + space()) + '}';
  };
  // A tab before a scalar at the root is left out: the YAML reader took it for indentation, an
  // error (see the unit tests below).
  const before = 'array' in doc || 'object' in doc ? space() : space().replace(/\t/g, ' ');
  return (pick(5) === 0 ? '\uFEFF' : '') + before + value(doc) + space();
}

/** Hand edits that may break the JSON or keep it valid (a comma removed, a bracket added…). */
const edit = fc.oneof(
  fc.record({ at: fc.nat(), insert: fc.constantFrom(',', ':', '"', '{', '}', '[', ']', ' ', '\n', '\\', '1', '-', 'x', 'null', '"a":1,', '"a"', '0,', '\t') }),
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 3 }) }),
);
function applyEdit(text: string, e: { at: number; insert: string } | { at: number; remove: number }): string {
  const i = e.at % (text.length + 1);
  return 'insert' in e ? text.slice(0, i) + e.insert + text.slice(i) : text.slice(0, i) + text.slice(i + e.remove);
}

type Reading = { kind: 'read'; source: ParsedSource } | { kind: 'refused'; error: Pick<VigieInputError, 'kind' | 'issues'> };

function read(text: string, options: Parameters<typeof parseSource>[1]): Reading {
  try {
    return { kind: 'read', source: parseSource(text, options) };
  } catch (e) {
    if (e instanceof VigieInputError) return { kind: 'refused', error: { kind: e.kind, issues: e.issues } };
    throw e;
  }
}

/** Every pointer of a value, and beside each container pointers to nothing (a missing key, an index past the end, `01`, `-1`, an empty segment). */
function pointers(value: unknown, at = '', out: string[] = []): string[] {
  out.push(at);
  if (value === null || typeof value !== 'object') {
    out.push(at + '/0');
    return out;
  }
  const keys = Object.keys(value);
  out.push(at + '/missing', at + '/', at + '/' + keys.length, at + '/01');
  for (const k of keys) pointers((value as Record<string, unknown>)[k], at + '/' + escapeSegment(k), out);
  return out;
}

/** The same answer from every reading as from the expected one: data, or issues; and the same place for every pointer. */
function expectSame(expected: Reading, ...actuals: Reading[]): void {
  if (expected.kind === 'refused') {
    for (const actual of actuals) expect(actual).toStrictEqual(expected);
    return;
  }
  for (const actual of actuals) {
    expect(actual.kind).toBe('read');
    if (actual.kind !== 'read') return;
    expectSameData(actual.source.data, expected.source.data);
    expect(actual.source.file).toBe(expected.source.file);
    expect(() => actual.source.locate('no-slash')).toThrow(captured(() => expected.source.locate('no-slash')));
  }
  for (const p of pointers(expected.source.data)) {
    const e = expected.source.locate(p);
    for (const actual of actuals) {
      const a = (actual as Extract<Reading, { kind: 'read' }>).source.locate(p);
      // expect() on each of thousands of pointers would take most of the time: called on a difference only.
      if (!isDeepStrictEqual(a, e)) expect([p, a]).toStrictEqual([p, e]);
    }
  }
}

/**
 * Same prototypes, own keys, values (-0 is not 0). Not toStrictEqual: it compares objects'
 * `constructor` properties, and a parsed `{"constructor": []}` has one of its own.
 */
function expectSameData(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect.fail(`data differ: ${inspect(actual, { depth: 9 })} vs ${inspect(expected, { depth: 9 })}`);
}

function captured(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

const FILE = 'deployment';

/**
 * The text with the spaces the YAML reader misread replaced by plain spaces: a carriage return
 * alone (taken for part of a plain scalar: `{"a":1,\r"b":2}` gave a key `\r"b":2`), a tab starting
 * the line of a scalar at the root (`\t1`: refused as indentation).
 */
function plainSpaces(text: string): string {
  const out = text.replace(/\r(?!\n)/g, ' ');
  const lead = /^\uFEFF?[ \t\r\n]*/.exec(out)![0];
  return /[[{]/.test(out.charAt(lead.length)) ? out : lead.replace(/\t/g, ' ') + out.slice(lead.length);
}

const OPENS_CONTAINER = /^\uFEFF?[ \t\r\n]*[[{]/;

function compareReadings(text: string): 'read' | 'refused' | 'not JSON' {
  let isJson = true;
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    isJson = false;
  }
  const json = read(text, { file: FILE, format: 'json' });
  // Valid JSON the YAML reader refused or misread is now read as JSON.parse reads it: compared
  // with the YAML reading of the text with those spaces made plain (the same offsets and lines).
  const plain = isJson ? plainSpaces(text) : text;
  const yaml = read(plain, { file: FILE, format: 'yaml' });
  // No format stated and no extension: JSON is sniffed (text opening an object or array), anything else is YAML.
  const sniffed = read(text, { file: FILE });
  const opens = OPENS_CONTAINER.test(text);
  if (!isJson || !opens) expectSame(plain === text ? yaml : read(text, { file: FILE, format: 'yaml' }), sniffed);
  if (!isJson) {
    expect(json.kind).toBe('refused');
    if (json.kind === 'refused' && text.replace(/^\uFEFF/, '').trim() !== '') {
      const lines = text.split('\n').length;
      expect(json.error.issues).toEqual([
        { code: 'syntax', message: expect.stringMatching(/^invalid JSON: /), location: { file: FILE, line: expect.any(Number), column: expect.any(Number) } },
      ]);
      const { line, column } = json.error.issues[0]!.location!;
      expect(line >= 1 && line <= lines && column >= 1).toBe(true);
    }
    return 'not JSON';
  }
  if (opens) expectSame(yaml, json, sniffed);
  else expectSame(yaml, json);
  return json.kind;
}

describe('fuzz: JSON read by JSON.parse and the position scan, as the YAML reader read it', () => {
  it('the same data, issues and locations for generated JSON', async () => {
    await fuzz('JSON source', fc.tuple(document, fc.array(fc.nat(), { maxLength: 40 })), ([doc, choices]) => {
      const text = write(doc, choices);
      const outcome = compareReadings(text);
      if (outcome === 'not JSON') throw new Error(`generated text is not JSON: ${text}`);
      return outcome === 'read' ? 'accepted' : 'rejected';
    });
  });

  it('the same answers for hand-edited JSON, and JSON.parse’s located error where it is no longer JSON', async () => {
    await fuzz('edited JSON source', fc.tuple(written, fc.array(fc.nat(), { maxLength: 20 }), fc.array(edit, { minLength: 1, maxLength: 2 })), ([doc, choices, edits]) => {
      const text = edits.reduce(applyEdit, write(doc, choices));
      const outcome = compareReadings(text);
      return outcome === 'read' ? 'accepted' : 'rejected';
    });
  });
});
