import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listsOnlyProblems } from '../src/cli/report-options.js';
import { CLI, runVigie } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('vigie check (built binary)', () => {
  it('exits 0 on a compliant example', () => {
    const r = runVigie(['check', 'examples/small-town.yaml', '--as-of', '2026-06-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 violation/);
  });

  it('exits 1 on a violating example, naming the rule, the camera, file:line and the article', () => {
    const r = runVigie(['check', 'examples/small-town-violations.yaml', '--as-of', '2026-06-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('VIOLATION no-audio-capture');
    expect(r.stdout).toContain('examples/small-town-violations.yaml:16:5 (SE-02)');
    expect(r.stdout).toContain('L251-2');
    expect(r.stdout).toMatch(/retention-max-one-month .*\(SE-03\)/);
  });

  it('prints the report as JSON with --format json', () => {
    const r = runVigie(['check', 'examples/small-town-violations.yaml', '--format', 'json', '--as-of', '2026-06-01']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ asOf: '2026-06-01', packs: ['fr-law'], inputs: ['examples/small-town-violations.yaml'] });
    const v = report.findings.find((f: { status: string; ruleId: string }) => f.status === 'violation' && f.ruleId === 'no-audio-capture');
    expect(v).toMatchObject({ pointer: '/cameras/1', targetId: 'SE-02', location: { file: 'examples/small-town-violations.yaml', line: 16 }, severity: 'error' });
    expect(v.message.fr).toBeTruthy();
    expect(v.evidence[0]).toMatchObject({ actual: true, expected: false });
    expect(v.legal[0].article).toBe('L251-2');
  });

  it('lists only the problems with --only-problems, counting the rest as the full report does', () => {
    const base = ['check', 'examples/small-town-violations.yaml', '--format', 'json', '--as-of', '2026-06-01'];
    const full = runVigie(base);
    const only = runVigie([...base, '--only-problems']);
    expect(only.code).toBe(full.code);
    const fullReport = JSON.parse(full.stdout);
    const onlyReport = JSON.parse(only.stdout);
    const problems = fullReport.findings.filter((f: { status: string }) => f.status !== 'pass' && f.status !== 'not-applicable');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThan(fullReport.findings.length);
    expect(onlyReport.findings).toEqual(problems);
    expect(onlyReport.summary).toEqual(fullReport.summary);
    expect(onlyReport.omitted).toEqual({
      pass: fullReport.summary.pass,
      'not-applicable': fullReport.summary['not-applicable'],
    });
  });

  it('writes text, Markdown and SARIF from the problems alone, as the full report would have them', () => {
    // Alone, they evaluate with findings: 'problems' (they show passes only as counts); next to
    // JSON the evaluation is the full report's. What they write must not differ.
    const base = ['check', 'examples/small-town-violations.yaml', '--as-of', '2026-06-01', '--lang', 'en'];
    const dir = mkdtempSync(join(tmpdir(), 'vigie-formats-'));
    const full = runVigie([...base, '--format', 'text,markdown,sarif,json', '--output-dir', dir]);
    const fullJson = JSON.parse(readFileSync(join(dir, 'vigie.json'), 'utf8'));
    expect(fullJson.omitted).toBeUndefined(); // the full report: passes listed
    expect(fullJson.findings.some((f: { status: string }) => f.status === 'pass')).toBe(true);
    for (const [format, name] of [['text', 'vigie.txt'], ['markdown', 'vigie.md'], ['sarif', 'vigie.sarif']]) {
      const alone = runVigie([...base, '--format', format!]);
      expect(alone.code).toBe(full.code);
      expect(alone.stdout).toBe(readFileSync(join(dir, name!), 'utf8'));
    }
  });

  it('evaluates problems only where no format asked for lists passes', () => {
    const only = (formats: string[], verbose = false, onlyProblems = false) => listsOnlyProblems({ formats: formats as never, verbose, onlyProblems });
    expect([only(['text']), only(['markdown']), only(['sarif']), only(['text', 'markdown', 'sarif']), only(['json'], false, true)]).toEqual([true, true, true, true, true]);
    expect([only(['text'], true), only(['json']), only(['junit']), only(['sarif', 'json'])]).toEqual([false, false, false, false]);
  });

  it('refuses --only-problems with --verbose (exit 2)', () => {
    const r = runVigie(['check', 'examples/small-town.yaml', '--only-problems', '--verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--verbose and --only-problems cannot be used together');
  });

  it('exits 2 on a syntax error, with file:line:column and no stack trace', () => {
    const p = file('broken.yaml', 'cameras:\n  - id: A\n    audio: [capture\n');
    const r = runVigie(['check', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a schema error, with file:line:column of the offending key', () => {
    const p = file('schema.json', '{\n  "cameras": [\n    { "id": "A", "audio": { "capture": "no" } }\n  ]\n}\n');
    const r = runVigie(['check', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${p}:3:`);
    expect(r.stderr).toContain('/cameras/0/audio/capture');
    expect(r.stderr).toContain('expected boolean');
  });

  it('exits 2 on usage errors and a missing file', () => {
    expect(runVigie(['frobnicate']).code).toBe(2);
    expect(runVigie(['check']).code).toBe(2);
    expect(runVigie(['check', '--nope', 'x.yaml']).code).toBe(2);
    const missing = runVigie(['check', join(tmp, 'missing.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file (ENOENT)');
  });

  it('selects an alternative value of a legal parameter with --parameter', () => {
    const p = file(
      'detection.yaml',
      [
        'authorizations:',
        '  - { reference: ALGO-1, kind: standard, issued: "2024-01-10", covers: [algorithmic-processing], cameras: [CAM-1] }',
        'cameras:',
        '  - id: CAM-1',
        '    analytics:',
        '      eventDetection: { enabled: true, mode: real-time, events: [abandoned-object], authorization: ALGO-1 }',
        '',
      ].join('\n'),
    );
    const base = ['check', p, '--as-of', '2026-01-15', '--format', 'json'];
    const status = (args: string[]) => JSON.parse(runVigie(args).stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'algorithmic-detection-lawful').status;
    expect(status(base)).toBe('violation');
    expect(status([...base, '--parameter', 'algorithmic-detection-end=jo-2030-extension'])).toBe('pass');
    const bad = runVigie([...base, '--parameter', 'algorithmic-detection-end=next-year']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('jo-2030-extension');
    expect(runVigie([...base, '--parameter', 'oops']).code).toBe(2);
  });

  it('answers --help and --version', () => {
    expect(runVigie(['--help']).stdout).toContain('Usage:');
    expect(runVigie(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('vigie check on a directory (built binary)', () => {
  /** Run as an unprivileged user when the tests run as root: root reads any directory. */
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  it('does not follow links to directories (a loop, a link to /), and reports every unreadable path, located, with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-walk-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'good.yaml'), 'cameras:\n  - id: A\n    audio: { capture: false }\n');
    symlinkSync('.', join(dir, 'loop')); // loop/loop/loop/… as /bin/X11 on Debian
    symlinkSync('/', join(dir, 'root'));
    symlinkSync('b.yaml', join(dir, 'a.yaml')); // a.yaml -> b.yaml -> a.yaml: ELOOP
    symlinkSync('a.yaml', join(dir, 'b.yaml'));
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'hidden.yaml'), 'cameras: []\n');
    chmodSync(join(dir, 'locked'), 0o000);
    const r = spawnSync(process.execPath, [CLI, 'check', dir, '--as-of', '2026-06-01'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, ...asUser });
    chmodSync(join(dir, 'locked'), 0o755);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'locked')}:1:1: cannot read the directory (EACCES)`);
    expect(r.stderr).toContain(`${join(dir, 'a.yaml')}:1:1: cannot read the file (ELOOP)`);
    expect(r.stderr).not.toContain('good.yaml');
    expect(r.stderr).not.toContain(join(dir, 'loop', 'loop'));
    expect(r.stderr).not.toContain(join(dir, 'root'));
  });

  it('checks the deployments of examples/ and skips, with a note saying why, the files that are not deployments (before: exit 2)', () => {
    const r = runVigie(['check', 'examples', '--as-of', '2026-06-01', '--format', 'json']);
    expect(r.code).toBe(1); // small-town-violations.yaml
    expect(JSON.parse(r.stdout).inputs).toEqual(
      ['csu-audit.yaml', 'grenoble-like.yaml', 'metz-like.yaml', 'nantes-like.yaml', 'nimes-like.yaml', 'small-town-violations.yaml', 'small-town.yaml'].map((f) => `examples/${f}`),
    );
    const notes = r.stderr.trimEnd().split('\n');
    expect(notes.map((n) => n.slice(0, n.indexOf(' skipped')))).toEqual(
      ['ci/github-actions.yml', 'ci/gitlab-ci.yml', 'expected/cities.json', 'expected/grenoble-like.json', 'expected/metz-like.json', 'expected/nantes-like.json', 'expected/nimes-like.json'].map((f) => `vigie: note: examples/${f}`),
    );
    expect(notes[0]).toMatch(
      /^vigie: note: examples\/ci\/github-actions\.yml skipped: not a deployment, none of its top-level keys \(name, on, .*jobs\) is a deployment section such as cameras or recording; name the file itself to check it as one$/,
    );
  });

  it('still reports a broken deployment in a directory, and a file named on the command line is always a deployment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-walk-'));
    writeFileSync(join(dir, 'broken.yaml'), 'cameras:\n  - id: A\nrecordng: {}\n');
    writeFileSync(join(dir, 'list.json'), '[1, 2]');
    const r = runVigie(['check', dir, '--as-of', '2026-06-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`vigie: ${join(dir, 'broken.yaml')}:3:1: unknown key "recordng"`);
    expect(r.stderr).toContain(`vigie: note: ${join(dir, 'list.json')} skipped: not a deployment, its top level is a list, not a mapping`);
    const named = runVigie(['check', join(dir, 'list.json'), '--as-of', '2026-06-01']);
    expect(named.code).toBe(2);
    expect(named.stderr).not.toContain('note');
  });

  it('refuses a directory that holds no deployment at all rather than checking nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-walk-'));
    writeFileSync(join(dir, 'waivers.yaml'), 'waivers: []\n');
    const r = runVigie(['check', dir, '--as-of', '2026-06-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`vigie: ${dir}:1:1: the directory holds no deployment: its one .yaml, .yml or .json file is not one`);
  });

  it('checks the files of a directory reached only through links to files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-walk-'));
    writeFileSync(join(dir, 'real.txt'), 'cameras:\n  - id: A\n    audio: { capture: true }\n');
    symlinkSync('real.txt', join(dir, 'linked.yaml'));
    const r = spawnSync(process.execPath, [CLI, 'check', dir, '--as-of', '2026-06-01'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('linked.yaml');
  });
});

describe('vigie check … | head (built binary)', () => {
  /**
   * Like `head -1`: runs vigie check on 3,000 cameras capturing sound, reads the first chunk of its
   * output, then closes the pipe while vigie still has megabytes to write.
   */
  async function checkUntilPipeCloses(name: string, args: string[]): Promise<{ firstChunk: string; stderr: string; code: number | null }> {
    const cameras = Array.from({ length: 3000 }, (_, i) => `  - id: C${i}\n    audio: { capture: true }\n`).join('');
    const big = file(name, `cameras:\n${cameras}`);
    const child = spawn(process.execPath, [CLI, 'check', big, '--as-of', '2026-06-01', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let firstChunk = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', (d) => {
      firstChunk = String(d);
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { firstChunk, stderr, code };
  }

  it('exits quietly with its own code when the reader closes the pipe early (before: an EPIPE stack trace)', async () => {
    const { firstChunk, stderr, code } = await checkUntilPipeCloses('big.yaml', []);
    expect(firstChunk).toContain('VIOLATION no-audio-capture');
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('exits quietly too when the pipe closes while a JSON report is written in pieces', async () => {
    // Some 9,000 findings: nine pieces and more, the pipe closed after the first.
    const { firstChunk, stderr, code } = await checkUntilPipeCloses('big-json.yaml', ['--format', 'json']);
    expect(firstChunk).toMatch(/^\{\n {2}"vigieVersion"/);
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});

