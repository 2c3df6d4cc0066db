// JSON documents are read by JSON.parse and located by a scan of their own (src/parse/json-source.ts).
// test/fuzz/json-source.fuzz.test.ts shows the answers are the YAML reader's on generated JSON;
// these are the cases worth naming, and the few where the YAML reader was wrong about JSON.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS, parseConfig, parseSource } from '../src/index.js';
import { expectCleanPrototype, syncIssuesOf } from './issues.js';

const locations = (text: string, pointers: string[], options = {}) => {
  const source = parseSource(text, { format: 'json', ...options });
  return pointers.map((p) => source.locate(p));
};

describe('JSON documents', () => {
  it('locate a member by its key, an item by itself, the root where it starts', () => {
    const text = '\n  {"cameras": [\n    {"id": "A", "audio": {"capture": true}},\n    "x"\n  ], "a/b~": 1, "": 2}';
    expect(locations(text, ['', '/cameras', '/cameras/0', '/cameras/0/audio/capture', '/cameras/1', '/a~1b~0', '/'], { file: 'd.json' })).toEqual([
      { file: 'd.json', line: 2, column: 3 },
      { file: 'd.json', line: 2, column: 4 },
      { file: 'd.json', line: 3, column: 5 },
      { file: 'd.json', line: 3, column: 27 },
      { file: 'd.json', line: 4, column: 5 },
      { file: 'd.json', line: 5, column: 6 },
      { file: 'd.json', line: 5, column: 17 },
    ]);
  });

  it('find nothing where the document has nothing, and take indexes as the YAML reader did (01 is 1)', () => {
    const text = JSON.stringify({ list: Array.from({ length: 40 }, (_, i) => i), keys: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i])) }, null, 1);
    const [missing, past, negative, named, leadingZero, intoScalar, bigKey, noKey] = locations(text, ['/nope', '/list/40', '/list/-1', '/list/x', '/list/01', '/list/0/0', '/keys/k39', '/keys/k40']);
    expect([missing, past, negative, named, intoScalar, noKey]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(leadingZero).toEqual(locations(text, ['/list/1'])[0]);
    expect(bigKey).toEqual({ file: undefined, line: 84, column: 3 });
    expect(() => parseSource(text, { format: 'json' }).locate('list')).toThrow('JSON Pointer must start with "/"');
  });

  it('keep "__proto__" as an own key, as JSON.parse and the YAML reader do, and pollute nothing', () => {
    const { data } = parseSource('{"__proto__": {"polluted": true}, "a": {"__proto__": 1}}', { format: 'json' });
    expect(Object.keys(data as object)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data).toEqual(parseSource('{"__proto__": {"polluted": true}, "a": {"__proto__": 1}}', { format: 'yaml' }).data);
    expectCleanPrototype();
  });

  it('refuse every duplicate key at the second key, however written, inner ones first', () => {
    const text = '{"a": 1,\n "\\u0061": {"x": 1, "x": 2},\n "b": [{"y": 0, "y": 0}]}';
    const issues = syncIssuesOf(() => parseSource(text, { format: 'json', file: 'd.json' }));
    expect(issues.map((i) => [i.code, i.location])).toEqual([
      ['duplicate-key', { file: 'd.json', line: 2, column: 21 }],
      ['duplicate-key', { file: 'd.json', line: 2, column: 2 }],
      ['duplicate-key', { file: 'd.json', line: 3, column: 17 }],
    ]);
    expect(syncIssuesOf(() => parseSource(text, { file: 'd.yaml' }))).toEqual(syncIssuesOf(() => parseSource(text, { file: 'd.json' })).map((i) => ({ ...i, location: { ...i.location, file: 'd.yaml' } })));
  });

  it('refuse nesting past the limit where it starts, however deep the document', () => {
    for (const depth of [101, 150, 10_000, 200_000]) {
      const issues = syncIssuesOf(() => parseConfig('{"a":'.repeat(depth) + '1' + '}'.repeat(depth), { file: 'd.json' }));
      // The YAML reader gave this answer up to a few hundred levels; past them, the place its own recursion stopped.
      expect(issues).toEqual([expect.objectContaining({ code: 'nesting-limit', pointer: '/a'.repeat(DEFAULT_PARSE_LIMITS.maxDepth), location: { file: 'd.json', line: 1, column: 501 } })]);
    }
    expect(parseSource('[[1]]', { format: 'json', limits: { maxDepth: 2 } }).data).toEqual([[1]]);
    expect(syncIssuesOf(() => parseSource('[[1]]', { format: 'json', limits: { maxDepth: 1 } }))).toEqual([expect.objectContaining({ code: 'nesting-limit', pointer: '/0' })]);
  });

  it('read a carriage return alone as the space JSON says it is (the YAML reader made `\\r"b":2` a key of it)', () => {
    const text = '{"a": 1,\r"b": 2}';
    expect(parseSource(text, { format: 'json' }).data).toEqual({ a: 1, b: 2 });
    expect(parseSource(text, { format: 'json' }).locate('/b')).toEqual({ file: undefined, line: 1, column: 10 });
    expect(parseSource(text, { format: 'yaml' }).data).not.toEqual({ a: 1, b: 2 });
  });

  it('read a scalar after a tab at the start of its line (the YAML reader refused it as indentation)', () => {
    expect(parseSource('\t1', { format: 'json' }).data).toBe(1);
    expect(syncIssuesOf(() => parseSource('\t1', { format: 'yaml' }))[0]!.message).toContain('Tabs');
  });
});

describe('text of no stated format', () => {
  const text = '{"cameras": [{"id": "A",\r"audo": {"capture": false}}]}';

  it('is read as JSON when JSON.parse accepts it, with located issues', () => {
    expect(syncIssuesOf(() => parseConfig(text))).toEqual([expect.objectContaining({ code: 'schema', pointer: '/cameras/0/audo', location: { file: undefined, line: 1, column: 26 } })]);
    expect(syncIssuesOf(() => parseConfig(text, { file: 'inventory.txt' }))[0]!.pointer).toBe('/cameras/0/audo');
  });

  it('is read as YAML when its file is named so, or when it is not JSON', () => {
    expect(syncIssuesOf(() => parseConfig(text, { file: 'd.yaml' }))[0]!.pointer).not.toBe('/cameras/0/audo');
    expect(parseSource('{cameras: [{id: A}]}').data).toEqual({ cameras: [{ id: 'A' }] });
    // A comma before the end is not JSON, and is YAML.
    expect(parseSource('{"a": 1,}', { file: 'd' }).data).toEqual({ a: 1 });
  });
});
