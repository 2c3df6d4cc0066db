import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPORT_FILE_NAMES } from '../src/index.js';
import { ROOT, read, runVigie } from './helpers.js';

/** The vigie command of a CI job, run on the repository's example towns instead of deployment/. */
function runJobCommand(command: string) {
  const args = command.replace(/^npx vigie /, '').trim().split(/\s+/);
  const out = mkdtempSync(join(tmpdir(), 'vigie-ci-job-'));
  // examples/ also holds these CI files, which are not deployments: name the two example towns.
  const local = args.flatMap((a) => (a === 'deployment/' ? ['examples/small-town.yaml', 'examples/small-town-violations.yaml'] : a === 'deployment/waivers.yaml' ? ['test/fixtures/waivers.yaml'] : a === 'vigie-report' ? [out] : [a]));
  return { result: runVigie([...local, '--as-of', '2026-06-01']), out };
}

describe('CI examples', () => {
  it('the GitHub Actions workflow runs vigie and uploads the SARIF file it writes', () => {
    const wf = parse(read('examples/ci/github-actions.yml'));
    const steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> = wf.jobs.vigie.steps;
    const check = steps.find((s) => s.run?.startsWith('npx vigie check'))!;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.with!.sarif_file).toBe(`vigie-report/${REPORT_FILE_NAMES.sarif}`);
    expect(wf.permissions['security-events']).toBe('write');
    const { result, out } = runJobCommand(check.run!);
    expect(result.code).toBe(1); // the example town's violations that no waiver covers
    expect(existsSync(join(out, REPORT_FILE_NAMES.sarif))).toBe(true);
    expect(existsSync(join(out, REPORT_FILE_NAMES.markdown))).toBe(true);
  });

  it('the GitLab CI job runs vigie and publishes the JUnit file it writes', () => {
    const job = parse(read('examples/ci/gitlab-ci.yml')).vigie;
    expect(job.artifacts.reports.junit).toBe(`vigie-report/${REPORT_FILE_NAMES.junit}`);
    expect(job.artifacts.when).toBe('always');
    const { result, out } = runJobCommand(job.script.find((s: string) => s.startsWith('npx vigie check')));
    expect(result.code).toBe(1);
    expect(existsSync(join(out, REPORT_FILE_NAMES.junit))).toBe(true);
  });

  it('the README links to both and to the CI documentation', () => {
    const readme = read('README.md');
    for (const link of ['examples/ci/github-actions.yml', 'examples/ci/gitlab-ci.yml', 'docs/ci.md', 'docs/custom-packs.md']) {
      expect(readme).toContain(`(${link})`);
      expect(existsSync(join(ROOT, link)), link).toBe(true);
    }
  });
});
