import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('built package', () => {
  it('the core ESM and CJS bundles import nothing from node: or fs', () => {
    for (const f of ['dist/index.js', 'dist/index.cjs']) {
      const code = readFileSync(join(ROOT, f), 'utf8');
      expect(code).not.toMatch(/from\s+["'](node:|fs|path|os|child_process)/);
      expect(code).not.toMatch(/require\(["'](node:|fs["']|path["']|os["'])/);
      expect(code).not.toMatch(/import\(["']node:/);
    }
  });

  it('the core bundles the rule packs: evaluate works from the CJS build with no file system', async () => {
    const require = createRequire(import.meta.url);
    const vigie = require(join(ROOT, 'dist/index.cjs'));
    const report = await vigie.evaluate({ cameras: [{ id: 'A', audio: { capture: true } }] }, { asOf: '2026-01-01' });
    expect(report.findings.some((f: { ruleId: string; status: string }) => f.ruleId === 'no-audio-capture' && f.status === 'violation')).toBe(true);
  });

  it('the core audits a log given as an array of lines, with no file system', async () => {
    const require = createRequire(import.meta.url);
    const vigie = require(join(ROOT, 'dist/index.cjs'));
    const event = { time: '2026-02-10T10:00:00+01:00', actor: 'op-1', action: 'export', cameras: ['A'] };
    const report = await vigie.auditLog({ cameras: [{ id: 'A' }] }, [{ line: 1, text: JSON.stringify(event) }], { asOf: '2026-03-01' });
    expect(report.findings.some((f: { ruleId: string; status: string }) => f.ruleId === 'audit-export-recorded' && f.status === 'violation')).toBe(true);
    expect(report.logs[0]).toMatchObject({ events: 1, skippedCount: 0 });
  });

  it('the ESM build exports evaluate and its types file exists', async () => {
    const mod = await import(join(ROOT, 'dist/index.js'));
    expect(typeof mod.evaluate).toBe('function');
    expect(readFileSync(join(ROOT, 'dist/index.d.ts'), 'utf8')).toContain('evaluate');
  });
});
