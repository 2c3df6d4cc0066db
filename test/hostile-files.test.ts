// Hostile files: huge, endless, not UTF-8. File reading is refused before it costs anything.
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LOG_LINE_BYTES, auditLogFiles, loadConfigFile, loadRulePackDir, readPackDir, readTextFile } from '../src/node/index.js';
import { parseConfig } from '../src/index.js';
import { ROOT } from './helpers.js';
import { runCli } from '../src/cli/main.js';
import { syncIssuesOf } from './issues.js';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readSync: vi.fn(real.readSync), readFileSync: vi.fn(real.readFileSync) };
});

const tmp = mkdtempSync(join(tmpdir(), 'vigie-hostile-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const readCalls = () => vi.mocked(fs.readSync).mock.calls.length + vi.mocked(fs.readFileSync).mock.calls.length;

describe('file size limit', () => {
  const saved = process.env.VIGIE_MAX_FILE_BYTES;
  beforeEach(() => {
    vi.mocked(fs.readSync).mockClear();
    vi.mocked(fs.readFileSync).mockClear();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.VIGIE_MAX_FILE_BYTES;
    else process.env.VIGIE_MAX_FILE_BYTES = saved;
  });

  it('refuses a 200 MB file (sparse: nothing is written) by the default 64 MiB limit, before reading a byte', () => {
    const p = file('huge.yaml', '');
    truncateSync(p, 200 * 1024 * 1024);
    delete process.env.VIGIE_MAX_FILE_BYTES;
    const issues = syncIssuesOf(() => loadConfigFile(p));
    expect(issues).toEqual([expect.objectContaining({ code: 'too-large', location: { file: p, line: 1, column: 1 }, expected: `at most ${DEFAULT_MAX_FILE_BYTES} bytes` })]);
    expect(issues[0]!.message).toContain(`${200 * 1024 * 1024} bytes`);
    expect(readCalls()).toBe(0);
  });

  it('takes its limit from VIGIE_MAX_FILE_BYTES', () => {
    const p = file('small.yaml', 'cameras:\n  - id: A\n'.repeat(1) + '# padding\n'.repeat(20));
    process.env.VIGIE_MAX_FILE_BYTES = '100';
    expect(syncIssuesOf(() => loadConfigFile(p))[0]).toMatchObject({ code: 'too-large', message: expect.stringContaining('limit of 100 bytes') });
    process.env.VIGIE_MAX_FILE_BYTES = '100000';
    expect(loadConfigFile(p).data).toEqual({ cameras: [{ id: 'A' }] });
  });

  it('reads an endless device only up to the limit (before: /dev/zero was read until memory ran out)', () => {
    expect(syncIssuesOf(() => readTextFile('/dev/zero', 'config', 4096))).toEqual([
      expect.objectContaining({ code: 'too-large', message: expect.stringContaining('longer than the limit of 4096 bytes') }),
    ]);
  });

  it('the CLI refuses it with exit code 2 and file:line:column', async () => {
    const p = file('big.yaml', 'x'.repeat(2000));
    process.env.VIGIE_MAX_FILE_BYTES = '1000';
    let err = '';
    const code = await runCli(['check', p], { stdout: () => {}, stderr: (s) => (err += s), readStdin: () => '', isTTY: false, env: {} });
    expect(code).toBe(2);
    expect(err).toContain(`${p}:1:1: the file is 2000 bytes, more than the limit of 1000 bytes`);
  });
});

describe('encodings', () => {
  it('refuses invalid UTF-8 with the line and column of the first bad byte', () => {
    const p = file('latin1.yaml', Buffer.concat([Buffer.from('cameras:\n  - id: A\n    name: Caf'), Buffer.from([0xe9]), Buffer.from(' du port\n')]));
    expect(syncIssuesOf(() => loadConfigFile(p))).toEqual([expect.objectContaining({ code: 'encoding', location: { file: p, line: 3, column: 14 }, expected: 'UTF-8 text' })]);
  });

  it('refuses a truncated multi-byte sequence at the end of the file', () => {
    const p = file('cut.yaml', Buffer.concat([Buffer.from('name: '), Buffer.from([0xe2, 0x82])]));
    expect(syncIssuesOf(() => loadConfigFile(p))[0]).toMatchObject({ code: 'encoding', location: { line: 1, column: 7 } });
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const p = file('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('cameras:\n  - id: Caméra-1\n')]));
    expect(loadConfigFile(p).data).toEqual({ cameras: [{ id: 'Caméra-1' }] });
  });

  it('refuses a directory and a missing file as located io errors', () => {
    expect(syncIssuesOf(() => loadConfigFile(tmp))[0]).toMatchObject({ code: 'io', message: 'is a directory' });
    expect(syncIssuesOf(() => loadConfigFile(join(tmp, 'nope.yaml')))[0]).toMatchObject({ code: 'io', message: 'cannot read the file (ENOENT)', location: { line: 1, column: 1 } });
  });
});

describe('rule-pack directories', () => {
  it('a missing directory is a located io error (before: a raw ENOENT, an internal error in the CLI)', () => {
    expect(syncIssuesOf(() => loadRulePackDir(join(tmp, 'no-such-pack')))).toEqual([expect.objectContaining({ code: 'io', message: 'cannot read the directory (ENOENT)' })]);
  });

  it('a symbolic link looping back to its directory is not followed (before: endless recursion)', () => {
    const dir = join(tmp, 'looping-pack');
    mkdirSync(dir);
    symlinkSync(dir, join(dir, 'loop'));
    expect(readPackDir(dir)).toEqual([]);
  });
});

describe('access logs', () => {
  it('a log line of 10 MB is skipped as too long, with its number, and the lines around it are audited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-log-'));
    const file = join(dir, 'access.jsonl');
    const ok = (time: string) => JSON.stringify({ time, actor: 'op-1', action: 'live-view', cameras: ['B-01'] });
    writeFileSync(file, `${ok('2026-02-01T10:00:00+01:00')}\n{"note": "${'x'.repeat(10 * 1024 * 1024)}"}\n${ok('2026-02-01T11:00:00+01:00')}\n`);
    const config = parseConfig(readFileSync(join(ROOT, 'examples/csu-audit.yaml'), 'utf8'), { file: 'csu-audit.yaml' });
    const report = await auditLogFiles(config, [file], { asOf: '2026-03-01' });
    const summary = report.logs![0]!;
    expect(summary).toMatchObject({ file, lines: 3, events: 2, skippedCount: 1 });
    expect(summary.skipped).toEqual([{ line: 2, code: 'too-long', message: `the line is longer than ${DEFAULT_MAX_LOG_LINE_BYTES} bytes` }]);
  });
});
