import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRuleSet, evaluate, parseConfig } from '../src/index.js';
import { expectedReport, formatExpectedReport } from '../scripts/lib/expected-report.mjs';
import { cityReport, manifest } from './city-examples.helpers.js';
import { ROOT } from './helpers.js';

describe('city examples', () => {
  it('every examples/*-like.yaml is listed in examples/expected/cities.json, and the reverse', () => {
    const files = readdirSync(join(ROOT, 'examples'))
      .filter((n) => n.endsWith('-like.yaml'))
      .map((n) => n.replace(/\.yaml$/, ''))
      .sort();
    expect(manifest.examples.map((e) => e.name).sort()).toEqual(files);
    expect(files).toEqual(['grenoble-like', 'metz-like', 'nantes-like', 'nimes-like']);
  });

  it('the README links the rule catalogue and every city example', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/rules/README.md)');
    for (const { name } of manifest.examples) expect(readme).toContain(`](examples/${name}.yaml)`);
  });

  it('the README lists every built-in rule, linking its page', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const r of builtinRuleSet().rules) expect(readme).toContain(`[\`${r.definition.id}\`](docs/rules/${r.definition.id}.md)`);
  });

  for (const { name, packs } of manifest.examples) {
    it(`${name}: the report (${packs.join(', ')}, as of ${manifest.asOf}) is the committed one — npm run examples:update after a change`, async () => {
      const report = await cityReport(name);
      const actual = expectedReport(report);
      const committed = readFileSync(join(ROOT, 'examples/expected', `${name}.json`), 'utf8');
      expect(actual).toEqual(JSON.parse(committed));
      // Written as the script writes it, so that a hand edit or a stale format shows too.
      expect(formatExpectedReport(actual)).toBe(committed);
      // Each camera is judged by each camera rule: the example is a real network, not a stub.
      expect(report.findings.filter((f) => f.scope === 'camera').length).toBeGreaterThanOrEqual(24);
    });
  }

  it('a deployment that keeps images 45 days is no longer the committed report (the comparison can fail)', async () => {
    const file = 'examples/nantes-like.yaml';
    const text = readFileSync(join(ROOT, file), 'utf8').replace('recording:\n  retention: { days: 30 }', 'recording:\n  retention: { days: 45 }');
    const report = await evaluate(parseConfig(text, { file }), { asOf: manifest.asOf, packs: ['fr-law', 'cnil-guidance'] });
    const expected = JSON.parse(readFileSync(join(ROOT, 'examples/expected/nantes-like.json'), 'utf8'));
    expect(expectedReport(report)).not.toEqual(expected);
    expect(report.summary.violation).toBeGreaterThan(0);
  });
});
