// Known hostile inputs, one named test each, with the outcome vigie promises: a report or a
// precise, located error; never a crash, a hang, a silent skip or a changed input.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS, builtinFiles, evaluate, loadRuleSet, parseConfig, parseSource, validateConfig, type PackFile } from '../src/index.js';
import { runCli } from '../src/cli/main.js';
import { deepFreeze, expectCleanPrototype, expectLocated, issuesOf, syncIssuesOf } from './issues.js';

const AS_OF = '2026-01-15';
const RULE = 'rules/fr-law/no-audio-capture/rule.yaml';

/** The built-in packs with one file's text changed. */
function packsWith(path: string, edit: (text: string) => string): PackFile[] {
  const files = builtinFiles().map((f) => (f.path === path ? { ...f, text: edit(f.text) } : f));
  if (!files.some((f) => f.path === path)) files.push({ path, text: edit('') });
  return files;
}

describe('YAML alias bombs', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill('*' + 'abcdefgh'[i]).join(', ')}]`)].join('\n') + '\n';

  it('refuses a billion-laughs document by the alias limit, with a message naming it', () => {
    const issues = syncIssuesOf(() => parseConfig(bomb, { file: 'bomb.yaml' }));
    expect(issues).toEqual([expect.objectContaining({ code: 'alias-limit', location: { file: 'bomb.yaml', line: 1, column: 1 } })]);
    expect(issues[0]!.message).toContain(`limit ${DEFAULT_PARSE_LIMITS.maxAliasCount}`);
  });

  it('takes a configured alias limit', () => {
    const text = 'x: &x { days: 1 }\nrecording: { retention: *x }\n';
    expect(() => parseSource(text, { limits: { maxAliasCount: 0 } })).toThrow(/alias/);
    expect(parseSource(text).data).toEqual({ x: { days: 1 }, recording: { retention: { days: 1 } } });
  });
});

describe('duplicate keys', () => {
  it('is an error in YAML, not last-wins', () => {
    expect(syncIssuesOf(() => parseConfig('recording:\n  automaticDeletion: true\n  automaticDeletion: false\n', { file: 'd.yaml' }))).toEqual([
      expect.objectContaining({ code: 'duplicate-key', location: { file: 'd.yaml', line: 3, column: 3 } }),
    ]);
  });

  it('is an error in JSON too, though JSON.parse would keep the last', () => {
    expect(syncIssuesOf(() => parseConfig('{"name": "a",\n "name": "b"}', { file: 'd.json' }))[0]).toMatchObject({ code: 'duplicate-key', location: { line: 2 } });
  });
});

describe('__proto__, constructor and prototype as keys', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`"${key}" in a deployment is an unknown key, located, and pollutes nothing`, async () => {
      for (const [text, file] of [
        [`${key}:\n  polluted: true\ncameras:\n  - id: A\n`, 'p.yaml'],
        [`cameras:\n  - id: A\n    ${key}: { polluted: true }\n`, 'p.yaml'],
        [`{"cameras": [{"id": "A", "audio": {"${key}": {"polluted": true}}}]}`, 'p.json'],
      ] as const) {
        const issues = syncIssuesOf(() => parseConfig(text, { file }));
        expect(issues).toEqual([expect.objectContaining({ code: 'schema', message: `unknown key "${key}"` })]);
        expect(issues[0]!.pointer).toMatch(new RegExp(`/${key}$`));
        expect(issues[0]!.location!.line).toBeGreaterThanOrEqual(1);
        expectCleanPrototype();
      }
      const data = JSON.parse(`{"cameras": [{"id": "A", "${key}": {"polluted": true}}]}`);
      await expect(evaluate(data, { asOf: AS_OF })).rejects.toMatchObject({ issues: [{ pointer: `/cameras/0/${key}` }] });
      expectCleanPrototype();
    });
  }

  it('are kept as plain data where a rule pack allows free values (a parameter value)', async () => {
    const files = packsWith('rules/fr-law/parameters/month-counting.yaml', (t) =>
      t.replace(/value: 30\b/, 'value: 30\n    note: "{__proto__: {polluted: true}, constructor: {prototype: {polluted: true}}}"'),
    );
    const extra: PackFile = {
      path: 'rules/fr-law/parameters/hostile-keys.yaml',
      text: 'id: hostile-keys\npack: fr-law\ndescription: { fr: x, en: x }\nunit: text\ntighterIs: none\nvalues:\n  - from: "2000-01-01"\n    value: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } }, prototype: 1 }\n    references: [{ source: s, article: a, confidence: U }]\n',
    };
    const ruleSet = loadRuleSet([...files, extra]);
    const value = ruleSet.parameters.find((p) => p.id === 'hostile-keys')!.values[0]!.value as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'prototype']);
    const report = await evaluate({ cameras: [{ id: 'A', audio: { capture: false } }] }, { asOf: AS_OF, ruleSet });
    expect(report.summary.pass).toBeGreaterThan(0);
    expectCleanPrototype();
  });

  it('a rule whose scope is "constructor" is an unknown scope, not Object.prototype.constructor', () => {
    // Before: `scope in scopes` found the inherited constructor; evaluation then threw a TypeError.
    const files = packsWith(RULE, (t) => t.replace('scope: camera', 'scope: constructor'));
    expect(syncIssuesOf(() => loadRuleSet(files))).toEqual([expect.objectContaining({ code: 'unknown-scope', pointer: '/scope', location: expect.objectContaining({ file: RULE, line: 14 }) })]);
  });
});

describe('deep nesting', () => {
  const depth = 10_000;
  const cases: Array<[string, string, string]> = [
    ['YAML flow sequences', 'name: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n', 'd.yaml'],
    ['YAML block mappings', Array.from({ length: depth }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n', 'd.yaml'],
    ['JSON objects', '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), 'd.json'],
  ];
  for (const [name, text, file] of cases) {
    it(`${depth} levels of ${name}: no stack overflow, one located nesting-limit error`, () => {
      const issues = syncIssuesOf(() => parseConfig(text, { file }));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'nesting-limit', location: { file } });
      expect(issues[0]!.message).toContain(`${DEFAULT_PARSE_LIMITS.maxDepth} levels`);
    });
  }

  it('past the limit but within the parser, the error names the pointer where the limit is crossed', () => {
    const text = 'controller:\n  dpo: ' + '['.repeat(150) + ']'.repeat(150) + '\n';
    const issues = syncIssuesOf(() => parseConfig(text, { file: 'd.yaml' }));
    expect(issues).toEqual([expect.objectContaining({ code: 'nesting-limit', location: { file: 'd.yaml', line: 2, column: 8 + 98 } })]);
    expect(issues[0]!.pointer).toBe('/controller/dpo' + '/0'.repeat(98));
  });

  it('the depth limit is configurable', () => {
    expect(() => parseSource('a: { b: { c: 1 } }\n', { limits: { maxDepth: 2 } })).toThrow(/more than 2 levels/);
    expect(parseSource('a: { b: { c: 1 } }\n', { limits: { maxDepth: 3 } }).data).toEqual({ a: { b: { c: 1 } } });
  });

  it('a rule pack with conditions nested 400 deep is refused, not evaluated into a stack overflow', () => {
    let cond = '{ fact: target, path: /audio/capture, operator: equal, value: false }';
    for (let i = 0; i < 400; i++) cond = `{ all: [${cond}] }`;
    const files = packsWith(RULE, (t) => t.replace(/conditions:[\s\S]*?messages:/, `conditions: ${cond}\nmessages:`));
    expect(syncIssuesOf(() => loadRuleSet(files))).toEqual([expect.objectContaining({ code: 'nesting-limit', location: expect.objectContaining({ file: RULE }) })]);
  });
});

describe('encodings and empty input', () => {
  it('accepts a byte-order mark', () => {
    expect(parseConfig('\uFEFFcameras:\n  - id: A\n').data).toEqual({ cameras: [{ id: 'A' }] });
    expect(parseConfig('\uFEFF{"cameras": [{"id": "A"}]}', { file: 'b.json' }).data).toEqual({ cameras: [{ id: 'A' }] });
  });

  for (const [name, text] of [['an empty file', ''], ['blank lines', '\n  \n\t\n'], ['a lone byte-order mark', '\uFEFF']] as const) {
    it(`refuses ${name} with "empty" at line 1`, () => {
      expect(syncIssuesOf(() => parseConfig(text, { file: 'e.yaml' }))).toEqual([expect.objectContaining({ code: 'empty', location: { file: 'e.yaml', line: 1, column: 1 } })]);
    });
  }

  it('a document of comments only is not a deployment (wrong type at its root)', () => {
    expect(syncIssuesOf(() => parseConfig('# nothing here\n', { file: 'c.yaml' }))).toEqual([expect.objectContaining({ code: 'schema', pointer: '', expected: 'object' })]);
  });
});

describe('dates', () => {
  for (const value of ['2024-02-30', '"2024-02-30"', 'inconnue', '2024-13-01', '2024-2-3', '"2024-02-29T25:00"', '20240229']) {
    it(`refuses commissioned: ${value} with the date format expected`, () => {
      expect(syncIssuesOf(() => parseConfig(`cameras:\n  - id: A\n    commissioned: ${value}\n`, { file: 'd.yaml' }))).toEqual([
        expect.objectContaining({ pointer: '/cameras/0/commissioned', location: { file: 'd.yaml', line: 3, column: 5 }, expected: expect.stringContaining('YYYY-MM-DD') }),
      ]);
    });
  }

  it('accepts 29 February of a leap year', () => {
    expect(parseConfig('cameras:\n  - id: A\n    commissioned: 2024-02-29\n').data.cameras![0]!.commissioned).toBe('2024-02-29');
  });

  it('refuses an impossible asOf as a usage error', async () => {
    expect(await issuesOf(() => evaluate({}, { asOf: '2024-02-30' }))).toEqual([expect.objectContaining({ code: 'usage' })]);
    expect(await issuesOf(() => evaluate({}, { asOf: new Date('inconnue') }))).toEqual([expect.objectContaining({ code: 'usage' })]);
  });
});

describe('numbers', () => {
  const cases: Array<[string, string, string, string]> = [
    ['a number as a string', 'recording:\n  retention: { days: "30" }\n', 'd.yaml', '/recording/retention/days'],
    ['.nan', 'recording:\n  retention: { days: .nan }\n', 'd.yaml', '/recording/retention/days'],
    ['.inf', 'recording:\n  retention: { days: .inf }\n', 'd.yaml', '/recording/retention/days'],
    ['-.inf as a latitude', 'cameras:\n  - id: A\n    location: { latitude: -.inf }\n', 'd.yaml', '/cameras/0/location/latitude'],
    ['.nan as a latitude', 'cameras:\n  - id: A\n    location: { latitude: .NaN }\n', 'd.yaml', '/cameras/0/location/latitude'],
    ['a JSON exponent beyond double range', '{"recording": {"retention": {"days": 1e400}}}', 'd.json', '/recording/retention/days'],
    ['a JSON exponent beyond double range, as a number', '{"cameras": [{"id": "A", "location": {"longitude": -1e999}}]}', 'd.json', '/cameras/0/location/longitude'],
    ['a fraction of a day', 'recording:\n  retention: { days: 1.5 }\n', 'd.yaml', '/recording/retention/days'],
    ['a negative duration', 'recording:\n  retention: { days: -1 }\n', 'd.yaml', '/recording/retention/days'],
  ];
  for (const [name, text, file, pointer] of cases) {
    it(`refuses ${name}, located`, () => {
      const issues = syncIssuesOf(() => parseConfig(text, { file }));
      expect(issues).toEqual([expect.objectContaining({ code: 'schema', pointer, location: expect.objectContaining({ file, line: expect.any(Number) }) })]);
    });
  }

  it('reads a 30-digit latitude as a number, then refuses it by its range', () => {
    const issues = syncIssuesOf(() => parseConfig('{"cameras": [{"id": "A", "location": {"latitude": 123456789012345678901234567890}}]}', { file: 'n.json' }));
    expect(issues[0]).toMatchObject({ pointer: '/cameras/0/location/latitude', message: expect.stringContaining('<= 90') });
  });
});

describe('ids and references', () => {
  it('refuses duplicate camera ids, naming the first', () => {
    const issues = syncIssuesOf(() => parseConfig('cameras:\n  - id: A\n  - id: B\n  - id: A\n', { file: 'd.yaml' }));
    expect(issues).toEqual([expect.objectContaining({ code: 'duplicate-id', pointer: '/cameras/2/id', location: { file: 'd.yaml', line: 4, column: 5 } })]);
    expect(issues[0]!.message).toContain('/cameras/0/id');
  });

  it('refuses a camera referencing an unknown authorization, listing the known ones', () => {
    const text = 'authorizations:\n  - reference: AP-1\ncameras:\n  - id: A\n    authorization: AP-2\n';
    expect(syncIssuesOf(() => parseConfig(text, { file: 'd.yaml' }))).toEqual([
      expect.objectContaining({ code: 'unknown-reference', pointer: '/cameras/0/authorization', location: { file: 'd.yaml', line: 5, column: 5 }, expected: 'one of: AP-1' }),
    ]);
  });
});

describe('YAML features a deployment does not need', () => {
  it('refuses an unknown tag instead of reading it as text', () => {
    // Before: `!!js/function "x"` was silently read as the string "x".
    expect(syncIssuesOf(() => parseConfig('name: !!js/function "return 1"\n', { file: 't.yaml' }))).toEqual([
      expect.objectContaining({ code: 'syntax', location: { file: 't.yaml', line: 1, column: 7 } }),
    ]);
  });

  it('refuses a key that is a mapping or a sequence instead of inventing a key', () => {
    // Before: the key became the text "[ a ]" and the yaml library printed a process warning.
    expect(syncIssuesOf(() => parseConfig('? [a]\n: 1\n', { file: 'k.yaml' }))).toEqual([expect.objectContaining({ code: 'syntax', pointer: '', location: { file: 'k.yaml', line: 1, column: 3 } })]);
  });

  it('refuses several documents in one file', () => {
    expect(syncIssuesOf(() => parseConfig('name: a\n---\nname: b\n', { file: 'm.yaml' }))[0]).toMatchObject({ code: 'syntax', location: { line: 2 } });
  });
});

describe('evaluate() called from JavaScript with the wrong shapes', () => {
  const camera = { cameras: [{ id: 'B', audio: { capture: true } }] };
  const waiver = { rule: 'no-audio-capture', target: 'B', justification: 'Microphone disconnected in hardware', approvedBy: 'DPO', expires: '2027-01-01' };

  it('refuses a waiver that is not an object (before: TypeError)', async () => {
    expect(await issuesOf(() => evaluate(camera, { asOf: AS_OF, waivers: [waiver, null as never] }))).toEqual([expect.objectContaining({ code: 'schema', pointer: '/1', expected: 'object' })]);
  });

  it('refuses a waiver with a misspelt or missing key (before: silently unused)', async () => {
    const issues = await issuesOf(() => evaluate(camera, { asOf: AS_OF, waivers: [{ ...waiver, expires: undefined, expire: '2027-01-01' } as never] }));
    expect(issues.map((i) => i.pointer).sort()).toEqual(['/0', '/0/expire']);
  });

  it('refuses a waiver whose justification says nothing', async () => {
    expect(await issuesOf(() => evaluate(camera, { asOf: AS_OF, waivers: [{ ...waiver, justification: 'ok' }] }))).toEqual([expect.objectContaining({ code: 'schema', pointer: '/0/justification' })]);
  });

  it('refuses a waiver expiring on an impossible date', async () => {
    expect(await issuesOf(() => evaluate(camera, { asOf: AS_OF, waivers: [{ ...waiver, expires: '2027-02-30' }] }))).toEqual([expect.objectContaining({ pointer: '/0/expires' })]);
  });

  it('refuses options that are not an object, and packs that are not a list (before: TypeError)', async () => {
    expect(await issuesOf(() => evaluate(camera, null as never))).toEqual([expect.objectContaining({ code: 'usage', pointer: '' })]);
    expect(await issuesOf(() => evaluate(camera, { packs: 'fr-law' as never }))).toEqual([expect.objectContaining({ code: 'usage', pointer: '/packs' })]);
    expect(await issuesOf(() => evaluate(camera, { parameterChoices: null as never }))).toEqual([expect.objectContaining({ code: 'usage', pointer: '/parameterChoices' })]);
  });

  it('refuses an empty pack list instead of checking nothing', async () => {
    expect(await issuesOf(() => evaluate(camera, { asOf: AS_OF, packs: [] }))).toEqual([expect.objectContaining({ code: 'usage', pointer: '/packs' })]);
  });

  it('refuses { data: null } instead of reporting no finding', async () => {
    expect(await issuesOf(() => evaluate({ data: null } as never, { asOf: AS_OF }))).toEqual([expect.objectContaining({ code: 'schema', pointer: '/data' })]);
  });

  it('a parsed config cannot be changed; a changed copy is validated again, with its file positions', async () => {
    const loaded = parseConfig('cameras:\n  - id: A\n', { file: 'c.yaml' });
    expect(() => ((loaded.data.cameras![0] as Record<string, unknown>).audio = 'yes')).toThrow(TypeError);
    const changed = structuredClone(loaded.data);
    (changed.cameras![0] as Record<string, unknown>).audio = 'yes';
    expect(await issuesOf(() => evaluate({ ...loaded, data: changed }, { asOf: AS_OF }))).toEqual([
      expect.objectContaining({ pointer: '/cameras/0/audio', location: { file: 'c.yaml', line: 2, column: 5 } }),
    ]);
  });

  it('never changes a frozen input, and gives a report', async () => {
    const input = deepFreeze({ cameraDefaults: { audio: { capture: false } }, cameras: [{ id: 'A' }, { id: 'B', audio: { capture: true } }] });
    const before = JSON.stringify(input);
    const report = await evaluate(input, { asOf: AS_OF, waivers: deepFreeze([waiver]) });
    expect(JSON.stringify(input)).toBe(before);
    expect(report.findings.find((f) => f.targetId === 'B' && f.ruleId === 'no-audio-capture')!.status).toBe('waived');
    expect(validateConfig(input)).toEqual([]);
  });
});

describe('located errors everywhere', () => {
  it('every issue of a badly broken deployment has a pointer and a line', () => {
    const text = 'name: 5\ncameras:\n  - id: ""\n    audio: { capture: maybe }\n    kind: round\n  - nope: 1\nrecording: []\n';
    const issues = syncIssuesOf(() => parseConfig(text, { file: 'x.yaml' }));
    expect(issues.length).toBeGreaterThanOrEqual(5);
    expectLocated(issues);
    for (const i of issues) expect(i.location).toMatchObject({ file: 'x.yaml' });
  });
});

describe('rule packs that would crash evaluation', () => {
  const RETENTION = 'rules/fr-law/retention-max-one-month/rule.yaml';
  const deployment = { recording: { retention: { days: 10 } }, cameras: [{ id: 'A', audio: { capture: true } }] };
  const all = { asOf: AS_OF, packs: ['fr-law'] };

  it('a derivation given null instead of a duration gives undetermined (before: TypeError)', async () => {
    const ruleSet = loadRuleSet(packsWith(RETENTION, (t) => t.replace('duration: { fact: retention }', 'duration: null')));
    const report = await evaluate(deployment, { ...all, ruleSet });
    expect(report.findings.find((f) => f.ruleId === 'retention-max-one-month')!.status).toBe('undetermined');
  });

  it('a fact reference whose path is not a JSON Pointer is a located load error (before: TypeError at evaluation)', () => {
    const files = packsWith(RETENTION, (t) => t.replace('{ fact: deployment, path: /recording/retention }', '{ fact: deployment, path: {} }'));
    expect(syncIssuesOf(() => loadRuleSet(files))).toEqual([expect.objectContaining({ code: 'schema', pointer: '/facts/retention/firstDefined/1/path', location: expect.objectContaining({ file: RETENTION }) })]);
    const param = packsWith(RETENTION, (t) => t.replace('{ fact: param, path: /retention-max }', '{ fact: param, path: retention-max }'));
    expect(syncIssuesOf(() => loadRuleSet(param))[0]).toMatchObject({ code: 'schema', pointer: '/facts/maxDays/durationDays/duration/path' });
  });

  it('"in" with a value that is not a list is a located load error, and answers false at run time (before: TypeError)', async () => {
    const literal = packsWith(RULE, (t) => t.replace('operator: equal', 'operator: in'));
    expect(syncIssuesOf(() => loadRuleSet(literal))).toEqual([expect.objectContaining({ code: 'schema', pointer: '/conditions/all/0/value' })]);
    const viaFact = loadRuleSet(packsWith(RULE, (t) => t.replace('operator: equal\n      value: false', 'operator: in\n      value: { fact: target, path: /audio/capture }')));
    const report = await evaluate(deployment, { ...all, ruleSet: viaFact });
    expect(report.findings.find((f) => f.ruleId === 'no-audio-capture')!.status).toBe('violation');
  });

  it('a rule file that is not text is a located error (before: TypeError)', () => {
    expect(syncIssuesOf(() => loadRuleSet([{ path: RULE, text: undefined as never }]))).toEqual([expect.objectContaining({ code: 'not-text', location: { file: RULE, line: 1, column: 1 } })]);
    expect(syncIssuesOf(() => loadRuleSet('rules' as never))).toEqual([expect.objectContaining({ code: 'usage' })]);
  });
});

describe('the command line with hostile arguments', () => {
  const run = async (args: string[]) => {
    let err = '';
    const code = await runCli(args, { stdout: () => {}, stderr: (s) => (err += s), readStdin: () => '', isTTY: false, env: {} });
    return { code, err };
  };

  it('prints one line per issue, even for a multi-line parser message (before: a bare continuation line)', async () => {
    const { code, err } = await run(['check', '--format', '--pack=fr-law']);
    expect(code).toBe(2);
    for (const line of err.trimEnd().split('\n')) expect(line).toMatch(/^(vigie: |Run "vigie)/);
  });

  it('shows escape sequences and newlines of a file name escaped, never sends them to the terminal', async () => {
    const { code, err } = await run(['check', 'evil\u001b[2J\nname.yaml']);
    expect(code).toBe(2);
    expect(err).not.toContain('\u001b');
    expect(err).toContain('evil\\x1b[2J name.yaml:1:1: cannot read the file (ENOENT)');
  });

  it('refuses an empty --pack list instead of checking nothing (before: exit 0 with no finding)', async () => {
    const { code, err } = await run(['check', '--pack', ',', 'examples/small-town-violations.yaml']);
    expect(code).toBe(2);
    expect(err).toContain('no rule pack is selected');
  });
});

describe('YAML aliases that make a value contain itself', () => {
  it('refuses a cyclic alias, located (before: a parameter value that contained itself crashed rendering)', () => {
    expect(syncIssuesOf(() => parseSource('a: &x [1, *x]\n', { file: 'c.yaml' }))).toEqual([
      expect.objectContaining({ code: 'syntax', pointer: '/a/1', location: { file: 'c.yaml', line: 1, column: 11 } }),
    ]);
    expect(syncIssuesOf(() => parseSource('a: &x { b: { c: *x } }\n'))[0]).toMatchObject({ pointer: '/a/b/c' });
  });

  it('still accepts an alias used for reuse', () => {
    expect(parseConfig('recording: { retention: &r { days: 20 } }\ncameras:\n  - id: A\n    retention: *r\n').data.cameras![0]!.retention).toEqual({ days: 20 });
  });

  it('a parameter whose value is a toString-bearing object does not crash a derivation (before: TypeError)', async () => {
    const files = packsWith('rules/fr-law/retention-max-one-month/rule.yaml', (t) => t.replace('from: { fact: asOf }\n      monthLength: { fact: param, path: /month-counting }\n  maxDays', 'from: { toString: 1 }\n      monthLength: calendar\n  maxDays'));
    const report = await evaluate({ cameras: [{ id: 'A', retention: { months: 1 } }] }, { asOf: AS_OF, ruleSet: loadRuleSet(files) });
    expect(report.findings.find((f) => f.ruleId === 'retention-max-one-month')!.status).toBe('undetermined');
  });
});

describe('comparisons with values that are not plain', () => {
  const RETENTION = 'rules/fr-law/retention-max-one-month/rule.yaml';
  const deployment = { recording: { retention: { days: 10 } }, cameras: [{ id: 'A' }] };

  it('a value with a "fact" key that is not a fact reference is a located load error (before: read as a reference anyway)', () => {
    const files = packsWith(RETENTION, (t) => t.replace('value: { fact: maxDays }', 'value: { fact: param, xpath: /retention-max }'));
    expect(syncIssuesOf(() => loadRuleSet(files))).toEqual([expect.objectContaining({ code: 'schema', pointer: '/conditions/all/0/value' })]);
  });

  it('comparing a number with an object answers false (the guard behind the check above)', async () => {
    const files = packsWith(RETENTION, (t) => t.replace('value: { fact: maxDays }', 'value: { valueOf: 1, toString: 1 }'));
    const report = await evaluate(deployment, { asOf: AS_OF, ruleSet: loadRuleSet(files) });
    expect(report.findings.find((f) => f.ruleId === 'retention-max-one-month')!.status).toBe('violation');
  });
});
