import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/index.js';
import { syncIssuesOf as issuesOf } from './issues.js';

describe('deployment config', () => {
  it('locates a YAML syntax error by line and column', () => {
    const issues = issuesOf(() => parseConfig('cameras:\n  - id: A\n    audio: { capture: false\n', { file: 'd.yaml' }));
    expect(issues[0]).toMatchObject({ code: 'syntax', location: { file: 'd.yaml', line: expect.any(Number), column: expect.any(Number) } });
    expect(issues[0]!.location!.line).toBeGreaterThanOrEqual(3);
  });

  it('locates a JSON syntax error by line and column', () => {
    const issues = issuesOf(() => parseConfig('{\n  "cameras": [\n    { "id": "A", }\n  ]\n}\n', { file: 'd.json' }));
    expect(issues[0]).toMatchObject({ code: 'syntax', location: { file: 'd.json', line: 3 } });
  });

  it('rejects an unknown key with its pointer, line and the keys allowed', () => {
    const issues = issuesOf(() => parseConfig('cameras:\n  - id: A\n    audo: { capture: false }\n', { file: 'd.yaml' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema', pointer: '/cameras/0/audo', location: { file: 'd.yaml', line: 3, column: 5 } });
    expect(issues[0]!.message).toContain('audo');
    expect(issues[0]!.expected).toContain('audio');
  });

  it('reports a wrong type where it stands', () => {
    const issues = issuesOf(() => parseConfig('recording:\n  retention: { days: "thirty" }\n', { file: 'd.yaml' }));
    expect(issues[0]).toMatchObject({ pointer: '/recording/retention/days', location: { line: 2 }, expected: 'integer' });
  });

  it('rejects a date that does not exist', () => {
    const issues = issuesOf(() => parseConfig('cameras:\n  - id: A\n    commissioned: "2024-02-30"\n'));
    expect(issues[0]).toMatchObject({ pointer: '/cameras/0/commissioned', message: 'not a valid date' });
  });

  it('rejects duplicate keys instead of keeping the last', () => {
    const issues = issuesOf(() => parseConfig('cameras:\n  - id: A\n    id: B\n', { file: 'd.yaml' }));
    expect(issues[0]).toMatchObject({ code: 'duplicate-key', location: { line: 3 } });
  });

  it('rejects duplicate camera ids and unknown references', () => {
    const issues = issuesOf(() =>
      parseConfig('cameras:\n  - id: A\n    authorization: AP-1\n  - id: A\n', { file: 'd.yaml' }),
    );
    expect(issues.map((i) => i.code).sort()).toEqual(['duplicate-id', 'unknown-reference']);
    expect(issues.find((i) => i.code === 'duplicate-id')).toMatchObject({ pointer: '/cameras/1/id', location: { line: 4 } });
  });

  it('accepts a minimal deployment: what is not stated is unknown, not invalid', () => {
    expect(parseConfig('cameras:\n  - id: A\n').data.cameras).toEqual([{ id: 'A' }]);
  });

  it('rejects an empty file', () => {
    expect(issuesOf(() => parseConfig('\n', { file: 'e.yaml' }))[0]).toMatchObject({ code: 'empty', location: { file: 'e.yaml', line: 1 } });
  });
});
