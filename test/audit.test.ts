import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { VigieInputError, auditLog, auditLogs, builtinFiles, evaluate, loadRuleSet, parseConfig, type Finding, type LogItem, type Report } from '../src/index.js';
import { EarlierIndex } from '../src/engine/earlier.js';
import { read } from './helpers.js';

const AS_OF = '2026-03-01';
const lines = (text: string): LogItem[] => text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
const jsonl = (...events: object[]) => lines(events.map((e) => JSON.stringify(e)).join('\n'));
const of = (r: Report, ruleId: string, status?: Finding['status']) => r.findings.filter((f) => f.ruleId === ruleId && (!status || f.status === status));

const csu = parseConfig(read('examples/csu-audit.yaml'), { file: 'examples/csu-audit.yaml' });

/** A deployment where CSU operators are habilitated to replay. */
const operators = parseConfig(
  `
cameras:
  - { id: CAM-01, retention: { days: 30 } }
roles:
  - { id: operator, kind: csu-operator, permissions: [live-view, replay, export] }
users:
  - { id: op-1, role: operator, habilitation: { reference: HAB-1, from: "2025-01-01" } }
`,
  { file: 'operators.yaml' },
);

describe('auditLog: the Nantes practice (export before the requisition)', () => {
  it('flags the export timestamped before its requisition, with the log line and the field', async () => {
    const report = await auditLog(csu, lines(read('examples/csu-access-log.jsonl')), { file: 'log.jsonl', asOf: AS_OF });
    const v = of(report, 'audit-export-has-prior-requisition', 'violation').find((f) => f.location?.line === 2)!;
    expect(v).toBeDefined();
    expect(v.location).toEqual({ file: 'log.jsonl', line: 2, column: 1 });
    expect(v.pointer).toBe('');
    expect(v.evidence[0]).toMatchObject({
      condition: 'received-before-export',
      pointer: '/requisition/received',
      location: { file: 'log.jsonl', line: 2, column: 1 },
      actual: '2026-02-10T09:00:00+01:00',
      expected: '2026-02-10T08:15:00+01:00',
    });
    expect(v.legal.map((l) => l.article)).toEqual(['60-1', '77-1-1', '99-3']);
    // The later export of the same requisition (line 5), after its receipt on line 3, passes.
    expect(of(report, 'audit-export-has-prior-requisition').some((f) => f.location?.line === 5)).toBe(false);
  });

  it('finds the receipt in an earlier event when the export does not state it, and flags a later receipt', async () => {
    const receipt = { time: '2026-02-10T09:00:00+01:00', actor: 'op-1', action: 'requisition-received', cameras: ['CAM-01'], footage: { from: '2026-02-09T20:00:00+01:00', to: '2026-02-09T23:00:00+01:00' }, requisition: { reference: 'R1', basis: 'cpp-60-1', issuer: 'officer' } };
    const exportAt = (time: string, extra: object = {}) => ({ time, actor: 'op-1', action: 'export', cameras: ['CAM-01'], footage: { from: '2026-02-09T21:00:00+01:00', to: '2026-02-09T21:10:00+01:00' }, requisition: { reference: 'R1' }, recipient: 'OPJ', ...extra });
    const ok = await auditLog(operators, jsonl(receipt, exportAt('2026-02-10T10:00:00+01:00')), { asOf: AS_OF, keepPasses: true });
    expect(of(ok, 'audit-export-has-prior-requisition').map((f) => f.status)).toEqual(['not-applicable', 'pass']);

    const outside = await auditLog(operators, jsonl(receipt, exportAt('2026-02-10T10:00:00+01:00', { cameras: ['CAM-01', 'CAM-09'] })), { asOf: AS_OF });
    expect(of(outside, 'audit-export-has-prior-requisition', 'violation')[0]!.evidence[0]).toMatchObject({ condition: 'covers-cameras', pointer: '/cameras' });

    const wrongBasis = await auditLog(operators, jsonl({ ...receipt, requisition: { ...receipt.requisition, basis: 'cpp-99-9' } }, exportAt('2026-02-10T10:00:00+01:00')), { asOf: AS_OF });
    expect(of(wrongBasis, 'audit-export-has-prior-requisition', 'violation')[0]!.evidence[0]).toMatchObject({ condition: 'lawful-basis', actual: 'cpp-99-9' });

    // Receipt logged after the export, which states nothing: the log cannot tie them, undetermined (never a pass).
    const later = await auditLog(operators, jsonl(exportAt('2026-02-10T08:00:00+01:00'), receipt), { asOf: AS_OF });
    const u = of(later, 'audit-export-has-prior-requisition');
    expect(u.map((f) => f.status)).toEqual(['undetermined']);
    expect(u[0]!.missing!.join(' ')).toContain('R1');
  });
});

describe('auditLog: replay by role', () => {
  const replay = { time: '2026-02-10T10:00:00+01:00', actor: 'op-1', action: 'replay', cameras: ['CAM-01'], footage: { from: '2026-02-10T02:00:00+01:00', to: '2026-02-10T02:30:00+01:00' } };

  it('passes a habilitated CSU operator under fr-law, and is a violation under strict', async () => {
    const law = await auditLog(operators, jsonl(replay), { asOf: AS_OF, keepPasses: true });
    expect(of(law, 'audit-replay-by-allowed-role').map((f) => f.status)).toEqual(['pass']);
    expect(law.summary.violation).toBe(0);

    const strict = await auditLog(operators, jsonl(replay), { asOf: AS_OF, packs: ['fr-law', 'strict'] });
    const v = of(strict, 'audit-replay-judicial-police-only', 'violation');
    expect(v).toHaveLength(1);
    expect(v[0]!.evidence[0]).toMatchObject({ pointer: '/roles/0/kind', location: { file: 'operators.yaml', line: 5 }, actual: 'csu-operator', expected: ['judicial-police'] });
    expect(of(strict, 'audit-replay-by-allowed-role', 'violation')).toEqual([]);
  });

  it('flags a replay after the habilitation ended, the day after its last day', async () => {
    const config = parseConfig(read('rules/fr-law/audit-replay-by-allowed-role/violating.yaml').replace('until: "2025-12-31"', 'until: "2026-02-10"'));
    const sameDay = await auditLog(config, jsonl(replay), { asOf: AS_OF });
    expect(of(sameDay, 'audit-replay-by-allowed-role')).toEqual([]);
    const nextDay = await auditLog(config, jsonl({ ...replay, time: '2026-02-11T10:30:00+01:00' }), { asOf: AS_OF });
    expect(of(nextDay, 'audit-replay-by-allowed-role', 'violation')[0]!.evidence[0]!.condition).toBe('habilitation-not-ended');
  });
});

describe('auditLog: footage older than the retention', () => {
  const exportOld = { time: '2026-02-20T10:00:00+01:00', actor: 'op-1', action: 'export', cameras: ['CAM-01'], footage: { from: '2026-01-05T02:00:00+01:00', to: '2026-01-05T02:30:00+01:00' }, requisition: { reference: 'R1', basis: 'cpp-60-1' }, recipient: 'OPJ' };

  it('flags an export of footage older than the camera retention, without a judicial hold', async () => {
    const report = await auditLog(operators, jsonl(exportOld), { asOf: AS_OF, file: 'old.jsonl' });
    const v = of(report, 'audit-footage-within-retention', 'violation');
    expect(v).toHaveLength(1);
    expect(v[0]!.location).toEqual({ file: 'old.jsonl', line: 1, column: 1 });
    expect(v[0]!.message.en).toContain('should have been deleted');
    expect(v[0]!.evidence.find((e) => e.fact === 'ageDays')).toMatchObject({ expected: 30, parameter: { id: 'month-counting' } });
  });

  it('passes it under a judicial hold', async () => {
    const report = await auditLog(operators, jsonl({ ...exportOld, judicialHold: 'Information 2026/118' }), { asOf: AS_OF, keepPasses: true });
    expect(of(report, 'audit-footage-within-retention').map((f) => f.status)).toEqual(['pass']);
  });

  it('takes the shortest retention of the cameras concerned, and the system retention for a camera without one', async () => {
    const config = { recording: { retention: { days: 10 } }, cameras: [{ id: 'A', retention: { days: 30 } }, { id: 'B' }] };
    const ev = { time: '2026-02-20T10:00:00+01:00', actor: 'x', action: 'replay', footage: { from: '2026-02-05T10:00:00+01:00' } };
    const onlyA = await auditLog(config, jsonl({ ...ev, cameras: ['A'] }), { asOf: AS_OF });
    const both = await auditLog(config, jsonl({ ...ev, cameras: ['A', 'B'] }), { asOf: AS_OF });
    expect(of(onlyA, 'audit-footage-within-retention')).toEqual([]);
    expect(of(both, 'audit-footage-within-retention', 'violation')).toHaveLength(1);
    const unknownCamera = await auditLog(config, jsonl({ ...ev, cameras: ['Z'] }), { asOf: AS_OF });
    expect(of(unknownCamera, 'audit-footage-within-retention').map((f) => f.status)).toEqual(['undetermined']);
  });
});

describe('auditLog: malformed lines', () => {
  it('audits to the end, counting and locating every malformed line', async () => {
    const report = await auditLog(csu, lines(read('examples/csu-access-log.jsonl') + '\n\n{"time":"2026-02-13T10:00:00+01:00","actor":"op-1","action":"export","cameras":["B-01"]}\n{"time":"yesterday","actor":"op-1","action":"replay"}\n'), { file: 'log.jsonl', asOf: AS_OF });
    const log = report.logs![0]!;
    expect(log).toMatchObject({ file: 'log.jsonl', format: 'jsonl', lines: 16, blank: 3, events: 10, skippedCount: 3 });
    expect(log.lines).toBe(log.blank + log.header + log.events + log.skippedCount);
    expect(log.skipped.map((s) => [s.line, s.code])).toEqual([[7, 'syntax'], [11, 'schema'], [15, 'schema']]);
    expect(log.skipped[1]!.message).toContain('/action');
    expect(log.skipped[2]!.message).toContain('/time');
    // Lines after the malformed ones are still audited.
    expect(of(report, 'audit-export-recorded', 'violation').map((f) => f.location!.line)).toEqual([9, 14]);
  });

  it('lists the first skipped lines only, and counts them all', async () => {
    const report = await auditLog(csu, lines(Array.from({ length: 30 }, () => 'not json').join('\n')), { asOf: AS_OF, maxSkippedLines: 5 });
    expect(report.logs![0]).toMatchObject({ skippedCount: 30, events: 0 });
    expect(report.logs![0]!.skipped).toHaveLength(5);
  });
});

describe('auditLog: memory stays bounded', () => {
  it('keeps no passing finding by default, counting them in the summary', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({ time: '2026-02-10T10:00:00+01:00', actor: 'op-1', action: 'live-view', cameras: ['CAM-01'], id: `e${i}` }));
    const report = await auditLog(operators, jsonl(...events), { asOf: AS_OF, packs: ['fr-law', 'cnil-guidance'] });
    expect(report.findings).toEqual([]);
    expect(report.summary.pass).toBe(200); // audit-actor-known
    expect(report.summary.total).toBe(200 * 6); // five fr-law log rules and one cnil-guidance
  });

  it('lists at most maxFindingsPerRule findings per rule and status, and counts the rest', async () => {
    const events = Array.from({ length: 50 }, () => ({ time: '2026-02-10T10:00:00+01:00', actor: 'op-1', action: 'export', cameras: ['CAM-01'] }));
    const report = await auditLog(operators, jsonl(...events), { asOf: AS_OF, maxFindingsPerRule: 10 });
    expect(of(report, 'audit-export-recorded', 'violation')).toHaveLength(10);
    expect(report.summary.violation).toBe(100); // two rules flag every export
    expect(report.summary.bySeverity.error).toBe(100);
    expect(report.logs![0]!.omittedFindings).toBe(80 + 40); // 40 per violating rule, 40 undetermined of the retention rule
  });

  it('forgets the oldest keys of an earlier-event index beyond its limit', () => {
    const index = new EarlierIndex({ key: '/k', lookup: null, limit: 2 });
    for (const k of ['a', 'b', 'c']) index.remember({ k, v: k.toUpperCase() });
    index.remember({ k: 'b', v: 'second b' });
    expect([index.lookup('a'), index.lookup('b'), index.lookup('c'), index.size]).toEqual([undefined, { k: 'b', v: 'B' }, { k: 'c', v: 'C' }, 2]);
  });
});

describe('auditLog: CSV logs and parsed events', () => {
  it('reads a CSV log to the same findings as its JSON Lines twin', async () => {
    const fromJson = await auditLog(csu, lines(read('examples/csu-access-log.jsonl')), { asOf: AS_OF });
    const fromCsv = await auditLog(csu, lines(read('examples/csu-access-log.csv')), { asOf: AS_OF, format: 'csv', file: 'log.csv' });
    const key = (r: Report) => r.findings.map((f) => `${f.ruleId} ${f.status} ${f.message.en}`).sort();
    expect(key(fromCsv)).toEqual(key(fromJson));
    expect(fromCsv.logs![0]).toMatchObject({ format: 'csv', header: 1, skippedCount: 2 });
    // JSON line n is CSV line n + 1 (the header).
    expect(fromCsv.findings.find((f) => f.ruleId === 'audit-export-has-prior-requisition' && f.status === 'violation')!.location).toEqual({ file: 'log.csv', line: 3, column: 1 });
  });

  it('accepts ; separators, quoted fields and lists separated by |', async () => {
    const csv = 'time;actor;action;cameras;motive\n2026-02-10T10:00:00+01:00;pm-1;live-view;B-01|V-01;"Rixe; appel ""17"""\n2026-02-10T10:00:00+01:00;pm-1;live-view;"B-01\n';
    const report = await auditLog(csu, lines(csv), { asOf: AS_OF, format: 'csv' });
    expect(of(report, 'audit-municipal-scope', 'violation')).toHaveLength(1);
    expect(report.logs![0]!.skipped).toEqual([{ line: 3, code: 'syntax', message: expect.stringContaining('unterminated') }]);
  });

  it('refuses a CSV header with an unknown column, with its line and column', async () => {
    const err = await auditLog(csu, lines('time,actor,acton\n'), { format: 'csv', file: 'bad.csv' }).catch((e) => e);
    expect(err).toBeInstanceOf(VigieInputError);
    expect(err.issues[0]).toMatchObject({ code: 'csv-header', message: 'unknown column "acton"', location: { file: 'bad.csv', line: 1, column: 12 } });
  });

  it('audits events parsed by the caller, from any async source', async () => {
    async function* source() {
      yield { line: 1, event: { time: '2026-02-10T10:00:00+01:00', actor: 'nobody', action: 'live-view', cameras: ['CAM-01'] } };
      yield { line: 2, event: { time: 'noon', actor: 'op-1', action: 'live-view' } };
    }
    const report = await auditLogs(operators, [{ file: 'db', lines: source() }], { asOf: AS_OF, packs: ['cnil-guidance'] });
    expect(of(report, 'audit-actor-known', 'violation')).toMatchObject([{ severity: 'warning', location: { file: 'db', line: 1 } }]);
    expect(report.logs![0]!.skipped.map((s) => s.line)).toEqual([2]);
  });

  it('reads only what an event states itself, whatever its prototype holds', async () => {
    // The deployment is plain data (parseConfig): an event the caller gives may not be.
    const event = Object.assign(Object.create({ actor: 'op-1' }) as object, { time: '2026-02-10T10:00:00+01:00', action: 'live-view' });
    const report = await auditLogs(operators, [{ file: 'db', lines: [{ line: 1, event }] }], { asOf: AS_OF, packs: ['cnil-guidance'] });
    expect(report.summary).toMatchObject({ violation: 1, pass: 0 });
  });
});

describe('streamed scopes', () => {
  it('are not evaluated by evaluate(): a deployment check has no log', async () => {
    const report = await evaluate(csu, { asOf: AS_OF, packs: ['fr-law', 'strict', 'cnil-guidance'] });
    expect(report.findings.some((f) => f.scope === 'log-event')).toBe(false);
    expect(report.logs).toBeUndefined();
  });

  it('refuse "earlier" facts on a scope of the deployment', () => {
    const files = builtinFiles().map((f) =>
      f.path.endsWith('/audit-export-has-prior-requisition/rule.yaml') ? { ...f, text: f.text.replace('scope: log-event', 'scope: camera') } : f,
    );
    try {
      loadRuleSet(files);
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as VigieInputError).issues[0]).toMatchObject({ pointer: '/earlier/receipt', message: expect.stringContaining('streamed scope') });
    }
  });
});

describe('example log files', () => {
  it('the CSV example holds the same events as the JSON Lines one', () => {
    expect(read('examples/csu-access-log.csv').split('\n').filter(Boolean)).toHaveLength(readFileSync('examples/csu-access-log.jsonl', 'utf8').split('\n').filter(Boolean).length + 1);
  });
});

describe('auditLog: outcomes decided without the engine', () => {
  it('counts the same outcomes whether passes are listed (engine) or only counted (quick path)', async () => {
    const log = lines(read('examples/csu-access-log.jsonl'));
    for (const packs of [['fr-law'], ['strict'], ['cnil-guidance']]) {
      const listed = await auditLog(csu, log, { asOf: AS_OF, packs, keepPasses: true });
      const counted = await auditLog(csu, log, { asOf: AS_OF, packs });
      expect(counted.summary).toEqual(listed.summary);
      expect(counted.findings).toEqual(listed.findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable'));
      // Counted outcomes are judged from values; json-rules-engine must count the same.
      expect(await auditLog(csu, log, { asOf: AS_OF, packs, engine: 'reference' })).toEqual(counted);
    }
  });
});

describe('auditLog and auditLogs given something else than lines (from JavaScript)', () => {
  const text = read('examples/csu-access-log.jsonl');

  /** The issues of the usage error `fn` rejects with; fails on anything else (a TypeError, a report). */
  const usageIssues = async (fn: () => Promise<unknown>) => {
    const error = await fn().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VigieInputError);
    expect((error as VigieInputError).kind).toBe('usage');
    return (error as VigieInputError).issues;
  };
  const expectedLines = expect.stringMatching(/^an iterable or async iterable of \{ line, text \} or \{ line, event \} items/);

  it('refuses a string, bytes, a number, null or nothing as lines, saying what lines are', async () => {
    const cases: Array<[unknown, string]> = [
      [text, 'lines is a string'],
      [new String(text), 'lines is a string'],
      [Buffer.from(text), 'lines is bytes'],
      [new TextEncoder().encode(text), 'lines is bytes'],
      [42, 'lines is a number'],
      [null, 'lines is null'],
      [undefined, 'lines is undefined'],
      [{ line: 1, text }, 'lines is an object'],
    ];
    for (const [bad, message] of cases) {
      expect(await usageIssues(() => auditLog(csu, bad as never, { asOf: AS_OF }))).toEqual([{ code: 'usage', message: expect.stringContaining(message), expected: expectedLines }]);
    }
  });

  it('refuses logs that are not an array of { lines }, before reading any log', async () => {
    let read = false;
    function* good(): Generator<LogItem> {
      read = true;
      yield* lines(text);
    }
    const cases: Array<[unknown, string]> = [
      [text, 'the logs are a string'],
      [null, 'the logs are null'],
      [{ lines: lines(text) }, 'the logs are an object'],
      [[null], 'logs[0] is null'],
      [[{ lines: good() }, {}], 'logs[1].lines is undefined'],
      [[{ lines: good() }, { lines: text }], 'logs[1].lines is a string'],
      [[{ lines: good() }, { lines: Buffer.from(text) }], 'logs[1].lines is bytes'],
      [[{ format: 'xml', lines: [] }], 'log format "xml" is not known'],
    ];
    for (const [bad, message] of cases) {
      expect(await usageIssues(() => auditLogs(csu, bad as never, { asOf: AS_OF }))).toEqual([expect.objectContaining({ code: 'usage', message: expect.stringContaining(message) })]);
    }
    expect(read).toBe(false);
  });

  it('refuses an item that is not a log line (plain text lines, a stream read raw) with its position', async () => {
    const raw = Readable.from([Buffer.from(text)]);
    const cases: Array<[Iterable<unknown> | AsyncIterable<unknown>, string]> = [
      [text.split('\n'), 'item 1 of the lines of log.jsonl is a string'],
      [raw, 'item 1 of the lines of log.jsonl is bytes'],
      [[...lines(text).slice(0, 2), null], 'item 3 of the lines of log.jsonl is null'],
      [[{ text: '{}' }], 'item 1 of the lines of log.jsonl is an object, not a log line'],
      [[{ line: 1, text: 7 }], 'item 1 of the lines of log.jsonl is an object'],
      [[{ line: 1, error: 'too long' }], 'item 1 of the lines of log.jsonl is an object'],
    ];
    for (const [bad, message] of cases) {
      expect(await usageIssues(() => auditLog(csu, bad as never, { asOf: AS_OF, file: 'log.jsonl' }))).toEqual([
        { code: 'usage', message: expect.stringContaining(message), expected: expect.stringMatching(/^\{ line, text \} .* or \{ line, event \}/) },
      ]);
    }
  });

  it('still reads lines from an array, a generator or an async generator alike', async () => {
    const items = lines(text);
    async function* later() {
      for (const item of items) yield await Promise.resolve(item);
    }
    const fromArray = await auditLog(csu, items, { asOf: AS_OF });
    expect(fromArray.summary.violation).toBeGreaterThan(0);
    expect(await auditLog(csu, items.values(), { asOf: AS_OF })).toEqual(fromArray);
    expect(await auditLog(csu, later(), { asOf: AS_OF })).toEqual(fromArray);
    expect(await auditLogs(csu, [{ lines: new Set(items) }], { asOf: AS_OF })).toEqual(fromArray);
  });
});
