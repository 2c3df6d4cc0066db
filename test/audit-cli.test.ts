import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, requisitionDeadlines } from '../src/index.js';
import { readLines } from '../src/node/index.js';
import { runVigie } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'vigie-audit-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('vigie audit (built binary)', () => {
  it('exits 1 on violations, naming the rule and the log line, and lists skipped lines', () => {
    const r = runVigie(['audit', '--config', 'examples/csu-audit.yaml', 'examples/csu-access-log.jsonl', '--as-of', '2026-03-01', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('VIOLATION audit-export-has-prior-requisition [error] examples/csu-access-log.jsonl:2:1');
    expect(r.stdout).toContain('examples/csu-access-log.jsonl:7:1: [syntax] invalid JSON');
    expect(r.stdout).toMatch(/11 lines read, 9 events audited, 0 blank, 2 skipped/);
  });

  it('prints the JSON report with the logs read, for JSON Lines and CSV alike', () => {
    const r = runVigie(['audit', '--config', 'examples/csu-audit.yaml', 'examples/csu-access-log.jsonl', 'examples/csu-access-log.csv', '--format', 'json', '--as-of', '2026-03-01']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.inputs).toEqual(['examples/csu-audit.yaml', 'examples/csu-access-log.jsonl', 'examples/csu-access-log.csv']);
    expect(report.logs.map((l: { format: string; events: number; skippedCount: number }) => [l.format, l.events, l.skippedCount])).toEqual([
      ['jsonl', 9, 2],
      ['csv', 9, 2],
    ]);
    const nantes = report.findings.filter((f: { ruleId: string; status: string }) => f.ruleId === 'audit-export-has-prior-requisition' && f.status === 'violation');
    expect(nantes.map((f: { location: { file: string; line: number } }) => `${f.location.file}:${f.location.line}`)).toEqual(
      expect.arrayContaining(['examples/csu-access-log.jsonl:2', 'examples/csu-access-log.csv:3']),
    );
  });

  it('exits 0 on a clean log, and reads the format from --log-format', () => {
    const log = file('clean.txt', '{"time":"2026-02-10T10:00:00+01:00","actor":"op-1","action":"live-view","cameras":["B-01"]}\n');
    const r = runVigie(['audit', '--config', 'examples/csu-audit.yaml', '--log-format', 'jsonl', log, '--as-of', '2026-03-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 violation/);
  });

  it('applies the failing threshold, waivers and parameters as vigie check does (before: silently ignored)', () => {
    const audit = (...extra: string[]) => runVigie(['audit', '--config', 'examples/csu-audit.yaml', 'examples/csu-access-log.jsonl', '--as-of', '2026-03-01', ...extra]);
    expect(audit('--fail-on', 'never').code).toBe(0);
    const unknownRule = file('waivers.yaml', 'waivers:\n  - rule: audit-export-has-prior-requisitio\n    target: op-2\n    justification: Requisition received by phone before the export\n    approvedBy: DPO\n    expires: "2027-01-01"\n');
    const waived = audit('--waivers', unknownRule);
    expect(waived.code).toBe(2);
    expect(waived.stderr).toContain('waiver names unknown rule "audit-export-has-prior-requisitio"');
    const parameter = audit('--parameter', 'no-such-parameter=x');
    expect(parameter.code).toBe(2);
    expect(parameter.stderr).toContain('no-such-parameter');
  });

  it('exits 2 on usage errors, a missing log, an unknown extension and a bad CSV header', () => {
    expect(runVigie(['audit', 'examples/csu-access-log.jsonl']).stderr).toContain('--config');
    expect(runVigie(['audit', '--config', 'examples/csu-audit.yaml']).code).toBe(2);
    const missing = runVigie(['audit', '--config', 'examples/csu-audit.yaml', join(tmp, 'missing.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file (ENOENT)');
    const txt = runVigie(['audit', '--config', 'examples/csu-audit.yaml', file('log.txt', '{}\n')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('--log-format');
    const csv = file('bad.csv', 'time,actor,who\n');
    const bad = runVigie(['audit', '--config', 'examples/csu-audit.yaml', csv]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${csv}:1:12: unknown column "who"`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('vigie deadline (built binary)', () => {
  it('prints each camera’s last day, and whether it has passed', () => {
    const r = runVigie(['deadline', '--config', 'examples/csu-audit.yaml', '--at', '2026-02-10T21:30:00+01:00', '--camera', 'H-01', '--camera', 'B-01', '--as-of', '2026-03-01', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('H-01: retention 15 day(s), deletion due 2026-02-25T21:30:00+01:00, last day to requisition 2026-02-25 — PASSED');
    expect(r.stdout).toContain('B-01: retention 30 day(s), deletion due 2026-03-12T21:30:00+01:00, last day to requisition 2026-03-12 — still possible');
    expect(r.stdout).not.toContain('V-01');
  });

  it('answers in JSON, and exits 2 on an unknown camera or a time without offset', () => {
    const r = runVigie(['deadline', '--config', 'examples/csu-audit.yaml', '--at', '2026-02-10T21:30:00Z', '--format', 'json', '--as-of', '2026-02-20']);
    expect(JSON.parse(r.stdout).cameras.map((c: { camera: string; passed: boolean }) => [c.camera, c.passed])).toEqual([
      ['B-01', false],
      ['B-02', false],
      ['H-01', false],
      ['V-01', false],
    ]);
    expect(runVigie(['deadline', '--config', 'examples/csu-audit.yaml', '--at', '2026-02-10T21:30:00+01:00', '--camera', 'Z-9']).code).toBe(2);
    expect(runVigie(['deadline', '--config', 'examples/csu-audit.yaml', '--at', '2026-02-10T21:30']).code).toBe(2);
  });
});

describe('vigie deadline --parameter', () => {
  it('counts months date to date with month-counting=calendar, and refuses an unknown alternative', () => {
    const config = file('months.yaml', 'recording:\n  retention: { months: 1 }\ncameras:\n  - id: A\n');
    const args = ['deadline', '--config', config, '--at', '2026-02-10T12:00:00+01:00', '--as-of', '2026-02-20', '--format', 'json'];
    const lastDay = (r: { stdout: string }) => JSON.parse(r.stdout).cameras[0].lastDay;
    expect(lastDay(runVigie(args))).toBe('2026-03-12'); // 30 days
    const calendar = runVigie([...args, '--parameter', 'month-counting=calendar']);
    expect(calendar.code).toBe(0);
    expect(lastDay(calendar)).toBe('2026-03-10'); // 10 February to 10 March
    const unknown = runVigie([...args, '--parameter', 'month-counting=lunar']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('month-counting');
    expect(runVigie([...args, '--parameter', 'month-counting']).code).toBe(2);
  });
});

describe('requisitionDeadlines', () => {
  const config = parseConfig('recording:\n  retention: { months: 1 }\ncameras:\n  - id: A\n  - id: B\n    retention: { days: 7 }\n', { file: 'd.yaml' });

  it('counts a month as 30 days by default, or date to date with the calendar alternative', () => {
    const thirty = requisitionDeadlines(config, { at: '2026-02-10T21:30:00+01:00', asOf: '2026-03-01' });
    expect(thirty.cameras[0]).toMatchObject({ camera: 'A', retention: { months: 1 }, retentionPointer: '/recording/retention', lastDay: '2026-03-12', passed: false });
    expect(thirty.cameras[1]).toMatchObject({ camera: 'B', retentionPointer: '/cameras/1/retention', lastDay: '2026-02-17', passed: true, location: { file: 'd.yaml', line: 5 } });
    const calendar = requisitionDeadlines(config, { at: '2026-02-10T21:30:00+01:00', asOf: '2026-03-01', parameterChoices: { 'month-counting': 'calendar' } });
    expect(calendar.cameras[0]).toMatchObject({ lastDay: '2026-03-10', deletionDue: '2026-03-10T21:30:00+01:00' });
    expect(calendar.monthCounting).toMatchObject({ id: 'month-counting', value: 'calendar', alternative: 'calendar' });
  });

  it('says what is missing when a camera has no retention', () => {
    const r = requisitionDeadlines({ cameras: [{ id: 'A' }] }, { at: '2026-02-10T21:30:00+01:00', asOf: '2026-03-01' });
    expect(r.cameras[0]).toEqual({ camera: 'A', pointer: '/cameras/0', missing: ['/cameras/0/retention', '/cameraDefaults/retention', '/recording/retention'] });
  });
});

describe('readLines', () => {
  it('numbers lines, drops CR, reports bad UTF-8 and over-long lines by number, and reads a last line without newline', async () => {
    const p = file('mixed.jsonl', Buffer.concat([Buffer.from('a\r\n\nb\n'), Buffer.from([0x63, 0xff, 0x0a]), Buffer.from('x'.repeat(50) + '\nlast')]));
    const out = [];
    for await (const l of readLines(p, 40)) out.push(l);
    expect(out).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: '' },
      { line: 3, text: 'b' },
      { line: 4, error: { code: 'encoding', message: 'the line is not valid UTF-8' } },
      { line: 5, error: { code: 'too-long', message: 'the line is longer than 40 bytes' } },
      { line: 6, text: 'last' },
    ]);
  });

  it('reads a line split across chunks of the stream', async () => {
    const long = 'é'.repeat(70_000);
    const p = file('chunks.jsonl', `${long}\nz\n`);
    const out = [];
    for await (const l of readLines(p)) out.push(l);
    expect(out).toEqual([{ line: 1, text: long }, { line: 2, text: 'z' }]);
  });
});

