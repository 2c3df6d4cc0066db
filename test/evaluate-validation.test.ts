// evaluate, auditLog and requisitionDeadlines validate their input again unless they can prove the
// input has not changed since it was validated: only the data parseConfig returned, which it froze.
// Counted, not timed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, auditLogs, checkedConfig, deploymentSchema, evaluate, evaluateMany, parseConfig, requisitionDeadlines } from '../src/index.js';
import * as validation from '../src/schema/validate.js';
import { expectLocated, issuesOf, syncIssuesOf } from './issues.js';

vi.mock('../src/schema/validate.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/schema/validate.js')>();
  return { ...original, validateAgainst: vi.fn(original.validateAgainst) };
});

const AS_OF = '2026-01-15';
const TEXT = 'cameras:\n  - id: A\n    audio: { capture: true }\n  - id: B\n';

/** How many times a deployment was checked against the deployment schema. */
const validations = () => vi.mocked(validation.validateAgainst).mock.calls.filter(([schema]) => schema === deploymentSchema).length;

describe('validation of what evaluate is given', () => {
  beforeEach(() => {
    vi.mocked(validation.validateAgainst).mockClear();
  });

  it('a parsed config is validated once, by parseConfig, not again by evaluate', async () => {
    const config = parseConfig(TEXT, { file: 'd.yaml' });
    expect(validations()).toBe(1);
    const report = await evaluate(config, { asOf: AS_OF });
    await evaluate(config.data, { asOf: AS_OF });
    await evaluateMany([config, config], { asOf: AS_OF });
    expect(validations()).toBe(1);
    // Still the report of a located deployment.
    expect(report.inputs).toEqual(['d.yaml']);
    expect(report.findings.find((f) => f.ruleId === 'no-audio-capture' && f.targetId === 'A')).toMatchObject({ status: 'violation', location: { file: 'd.yaml', line: 2 } });
  });

  it('a parsed config cannot be changed: every object and list of it is frozen', () => {
    const config = parseConfig(TEXT);
    const cameras = config.data.cameras!;
    expect(() => ((cameras[0]!.audio as Record<string, unknown>).capture = false)).toThrow(TypeError);
    expect(() => cameras.push({ id: 'C' })).toThrow(TypeError);
    expect(() => delete (config.data as Record<string, unknown>).cameras).toThrow(TypeError);
    expect(cameras[0]!.audio).toEqual({ capture: true });
  });

  it('a plain object is validated on every evaluation, even after checkedConfig: its owner may break it', async () => {
    const data = { cameras: [{ id: 'A' }] as Array<{ id: string } & Record<string, unknown>> };
    const config = checkedConfig(data);
    expect(Object.isFrozen(data)).toBe(false); // the caller's object is never frozen by vigie
    await evaluate(config, { asOf: AS_OF });
    await evaluate(data, { asOf: AS_OF });
    expect(validations()).toBe(3);
    data.cameras[0]!.audio = 'yes';
    expect(await issuesOf(() => evaluate(config, { asOf: AS_OF }))).toEqual([expect.objectContaining({ code: 'schema', pointer: '/cameras/0/audio' })]);
    data.cameras[0]!.audio = { capture: false };
    data.cameras.push({ id: 'A' });
    expect(await issuesOf(() => evaluate(data, { asOf: AS_OF }))).toEqual([expect.objectContaining({ code: 'duplicate-id', pointer: '/cameras/1/id' })]);
  });

  it('a copy of parsed data, or data swapped into a parsed config, is validated again', async () => {
    const config = parseConfig(TEXT, { file: 'd.yaml' });
    const copy = structuredClone(config.data);
    await evaluate(copy, { asOf: AS_OF });
    await evaluate({ ...config, data: copy }, { asOf: AS_OF });
    expect(validations()).toBe(3);
    copy.cameras!.push({ id: 'A' });
    expect(await issuesOf(() => evaluate({ ...config, data: copy }, { asOf: AS_OF }))).toEqual([expect.objectContaining({ code: 'duplicate-id', pointer: '/cameras/2/id' })]);
  });

  it('data frozen by its owner is still validated: only parseConfig vouches for what it made', async () => {
    const data = Object.freeze({ cameras: Object.freeze([Object.freeze({ id: 'A', audio: 'yes' })]) });
    expect(await issuesOf(() => evaluate(data as never, { asOf: AS_OF }))).toEqual([expect.objectContaining({ pointer: '/cameras/0/audio' })]);
  });
});

describe('validation of what the audit functions are given: the same rule as evaluate', () => {
  const AT = '2026-01-10T21:30:00+01:00';
  const EXPORT = { time: '2026-01-12T10:00:00+01:00', actor: 'op-1', action: 'export', cameras: ['A'] };
  const log = [{ line: 1, text: JSON.stringify(EXPORT) }];

  beforeEach(() => {
    vi.mocked(validation.validateAgainst).mockClear();
  });

  it('a parsed config is not validated again by auditLog, auditLogs or requisitionDeadlines', async () => {
    const config = parseConfig(TEXT, { file: 'd.yaml' });
    expect(validations()).toBe(1);
    const report = await auditLog(config, log, { asOf: AS_OF });
    await auditLog(config.data, log, { asOf: AS_OF });
    await auditLogs(config, [{ lines: log }, { lines: log }], { asOf: AS_OF });
    const deadlines = requisitionDeadlines(config, { at: AT, asOf: AS_OF });
    requisitionDeadlines(config.data, { at: AT, asOf: AS_OF });
    expect(validations()).toBe(1);
    // Still a located deployment.
    expect(report.inputs).toEqual(['d.yaml']);
    expect(deadlines.cameras[0]).toMatchObject({ camera: 'A', location: { file: 'd.yaml', line: 2 } });
  });

  it('a config from checkedConfig that its owner then broke is refused with the issue evaluate gives', async () => {
    const data = { cameras: [{ id: 'A', retention: { days: 30 } as unknown }] };
    const config = checkedConfig(data);
    await auditLog(config, log, { asOf: AS_OF });
    requisitionDeadlines(config, { at: AT, asOf: AS_OF });
    expect(validations()).toBe(3);
    data.cameras[0]!.retention = '30 days';
    const expected = await issuesOf(() => evaluate(config, { asOf: AS_OF }));
    expect(expected).toEqual([expect.objectContaining({ code: 'schema', pointer: '/cameras/0/retention' })]);
    const fromAudit = await issuesOf(() => auditLog(config, log, { asOf: AS_OF }));
    const fromLogs = await issuesOf(() => auditLogs(config, [{ lines: log }], { asOf: AS_OF }));
    const fromDeadlines = syncIssuesOf(() => requisitionDeadlines(config, { at: AT, asOf: AS_OF }));
    for (const issues of [fromAudit, fromLogs, fromDeadlines]) {
      expectLocated(issues);
      expect(issues).toEqual(expected);
    }
  });
});
