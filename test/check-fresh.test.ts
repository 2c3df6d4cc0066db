import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** Runs a script of scripts/ as CI does, on the tree at `root`. */
function run(script: string, root?: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...(root ? ['--root', root] : [])], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/check-fresh.mjs', () => {
  let tree: string;
  const file = (rel: string) => join(tree, rel);
  const edit = (rel: string, change: (text: string) => string) => {
    const before = readFileSync(file(rel), 'utf8');
    const after = change(before);
    expect(after, `the edit of ${rel} changed nothing`).not.toBe(before);
    writeFileSync(file(rel), after);
  };

  beforeEach(() => {
    // The parts of the repository the check reads: the rule packs and the generated docs.
    tree = mkdtempSync(join(tmpdir(), 'vigie-fresh-'));
    cpSync(join(ROOT, 'rules'), file('rules'), { recursive: true });
    cpSync(join(ROOT, 'docs'), file('docs'), { recursive: true });
  });
  afterEach(() => rmSync(tree, { recursive: true, force: true }));

  it('passes on the repository and on a clean copy of it', () => {
    expect(run('check-fresh.mjs')).toMatchObject({ code: 0 });
    expect(run('check-fresh.mjs', tree)).toMatchObject({ code: 0 });
  });

  it('fails on a rule edited without regenerating the docs, naming the stale pages', () => {
    edit('rules/fr-law/no-audio-capture/rule.yaml', (t) => t.replace('en: No sound capture', 'en: No microphones'));
    const r = run('check-fresh.mjs', tree);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('docs/rules/no-audio-capture.md: stale');
    expect(r.stderr).toContain('docs/rules/README.md: stale');
    expect(r.stderr).not.toContain('docs/rules/no-facial-recognition.md');

    // Regenerating is the fix.
    expect(run('gen-docs.mjs', tree).code).toBe(0);
    expect(readFileSync(file('docs/rules/no-audio-capture.md'), 'utf8')).toContain('No microphones');
    expect(run('check-fresh.mjs', tree)).toMatchObject({ code: 0 });
  });

  it('fails when a rule folder lacks its violating or compliant example', () => {
    unlinkSync(file('rules/fr-law/no-facial-recognition/violating.yaml'));
    unlinkSync(file('rules/fr-law/no-audio-capture/compliant.yaml'));
    const r = run('check-fresh.mjs', tree);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rules/fr-law/no-facial-recognition/: no violating example');
    expect(r.stderr).toContain('rules/fr-law/no-audio-capture/: no compliant example');
  });

  it('fails when a rule declares an example file that does not exist', () => {
    unlinkSync(file('rules/fr-law/retention-max-one-month/undetermined.yaml'));
    const r = run('check-fresh.mjs', tree);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rules/fr-law/retention-max-one-month/rule.yaml: declares the example undetermined.yaml, which is not in rules/fr-law/retention-max-one-month/');
  });

  it('fails when a rule declares an example log that does not exist', () => {
    unlinkSync(file('rules/fr-law/audit-export-has-prior-requisition/violating.log.jsonl'));
    const r = run('check-fresh.mjs', tree);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rules/fr-law/audit-export-has-prior-requisition/rule.yaml: declares the log violating.log.jsonl, which is not in rules/fr-law/audit-export-has-prior-requisition/');
  });

  it('fails when a rule cites no legal reference', () => {
    edit('rules/fr-law/retention-max-one-month/rule.yaml', (t) => t.replace(/\nlegal:\n[\s\S]*?\nremediation:/, '\nlegal: []\nremediation:'));
    const r = run('check-fresh.mjs', tree);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rules/fr-law/retention-max-one-month/rule.yaml: no legal reference');
  });

  it('fails when an id is reused in another pack, naming both files', () => {
    cpSync(file('rules/fr-law/no-audio-capture'), file('rules/strict/no-audio-capture'), { recursive: true });
    edit('rules/strict/no-audio-capture/rule.yaml', (t) => t.replace('pack: fr-law', 'pack: strict'));
    const r = run('check-fresh.mjs', tree);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rule id "no-audio-capture" is used 2 times: rules/fr-law/no-audio-capture/rule.yaml, rules/strict/no-audio-capture/rule.yaml');
  });

  it('fails on a page no rule generates, and on a missing page', () => {
    writeFileSync(file('docs/rules/removed-rule.md'), '# A rule that was removed\n');
    unlinkSync(file('docs/rules/no-facial-recognition.md'));
    const r = run('check-fresh.mjs', tree);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('docs/rules/removed-rule.md: no rule generates it');
    expect(r.stderr).toContain('docs/rules/no-facial-recognition.md: missing');
  });
});

describe('scripts/gen-docs.mjs', () => {
  it('is reproducible: generating twice gives byte-identical pages', () => {
    const tree = mkdtempSync(join(tmpdir(), 'vigie-docs-'));
    try {
      cpSync(join(ROOT, 'rules'), join(tree, 'rules'), { recursive: true });
      expect(run('gen-docs.mjs', tree).code).toBe(0);
      const first = readFileSync(join(tree, 'docs/rules/README.md'), 'utf8') + readFileSync(join(tree, 'docs/rules/retention-max-one-month.md'), 'utf8');
      expect(run('gen-docs.mjs', tree).code).toBe(0);
      const second = readFileSync(join(tree, 'docs/rules/README.md'), 'utf8') + readFileSync(join(tree, 'docs/rules/retention-max-one-month.md'), 'utf8');
      expect(second).toBe(first);
      expect(first).toBe(readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8') + readFileSync(join(ROOT, 'docs/rules/retention-max-one-month.md'), 'utf8'));
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('renders every construct of the rule format readably (fixture rule in a copy of the packs)', () => {
    const tree = mkdtempSync(join(tmpdir(), 'vigie-docs-'));
    try {
      cpSync(join(ROOT, 'rules'), join(tree, 'rules'), { recursive: true });
      cpSync(join(ROOT, 'test/fixtures/docs-sample-rule'), join(tree, 'rules/strict/sample-complex'), { recursive: true });
      const r = run('gen-docs.mjs', tree);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const page = readFileSync(join(tree, 'docs/rules/sample-complex.md'), 'utf8');
      expect(page).toContain('| En vigueur / in force | 2020-01-01 → 2030-12-31 |');
      expect(page).toContain('S’applique si / applies if :\n\n- **toutes / all**\n  - `camera:/publicRoad` = `true`');
      expect(page).toContain('    - `camera:/masks` n’est pas renseigné / is not stated\n    - **non / not**\n      - `camera:/masks` everyFact not = `null`');
      expect(page).toContain('  - `asOf` ≤ `ends`');
      expect(page).toContain('- `n` = [count](../rule-format.md#count)(`uncovered`)');
      expect(page).toContain('### Non applicable / not applicable — `other.json`\n\nRésultat attendu / expected outcome : **not-applicable** — not on the public road');
      const catalogue = readFileSync(join(tree, 'docs/rules/README.md'), 'utf8');
      expect(catalogue).toContain('| [`sample-complex`](sample-complex.md) | Règle \\| d\'essai | Sample rule | warning | Source, 1 | [U] |');
      expect(run('check-fresh.mjs', tree)).toMatchObject({ code: 0 });
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('renders a rule page with its legal quote, confidence, parameters, conditions and examples', () => {
    const page = readFileSync(join(ROOT, 'docs/rules/retention-max-one-month.md'), 'utf8');
    const rule = readFileSync(join(ROOT, 'rules/fr-law/retention-max-one-month/rule.yaml'), 'utf8');
    const violating = readFileSync(join(ROOT, 'rules/fr-law/retention-max-one-month/violating.yaml'), 'utf8');
    expect(rule.replace(/\s+/g, ' ')).toContain('Ce délai ne peut excéder un mois.');
    expect(page).toMatch(/^> .*Ce délai ne peut excéder un mois\.$/m);
    expect(page).toContain('**[C]** confirmé / confirmed');
    expect(page).toContain('### `month-counting`');
    expect(page).toContain('#### Variante / alternative `calendar`');
    expect(page).toContain('`retentionDays` ≤ `maxDays`');
    expect(page).toContain('### Non conforme / violating — `violating.yaml`');
    expect(page).toContain(violating.trim());
  });
});
