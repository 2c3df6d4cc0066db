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

  it('the ESM build exports evaluate and its types file exists', async () => {
    const mod = await import(join(ROOT, 'dist/index.js'));
    expect(typeof mod.evaluate).toBe('function');
    expect(readFileSync(join(ROOT, 'dist/index.d.ts'), 'utf8')).toContain('evaluate');
  });
});
