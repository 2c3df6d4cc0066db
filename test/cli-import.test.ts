import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../src/index.js';
import { runVigie } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'vigie-import-'));
const out = (name: string) => join(tmp, name);
const LA_ROCHELLE = 'test/fixtures/open-data/la-rochelle-cameras.ods.json';
const AWKWARD = 'test/fixtures/open-data/awkward.csv';
const DEFAULTS = 'test/fixtures/open-data/defaults-lawful.yaml';

const check = (file: string) => {
  const r = runVigie(['check', file, '--format', 'json', '--as-of', '2026-01-15']);
  return { ...r, report: JSON.parse(r.stdout) as Report };
};
const statusesOf = (findings: Finding[], ruleId: string) => new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.status));

describe('vigie import (built binary)', () => {
  it('imports the La Rochelle inventory to a file that vigie check reports as undetermined, naming what is missing', () => {
    const target = out('la-rochelle.yaml');
    const r = runVigie(['import', LA_ROCHELLE, '--from', 'ods', '-o', target]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`imported 136 cameras from 136 rows (0 skipped) into ${target}; 1 warning`);
    expect(readFileSync(target, 'utf8')).toMatch(/^# Imported by `vigie import` from la-rochelle-cameras\.ods\.json \(OpenDataSoft records\)/);

    const { report } = check(target);
    for (const ruleId of ['retention-max-one-month', 'no-audio-capture', 'no-facial-recognition']) {
      expect(statusesOf(report.findings, ruleId), ruleId).toEqual(new Set(['undetermined']));
    }
    const audio = report.findings.find((f) => f.ruleId === 'no-audio-capture' && f.targetId === '1')!;
    expect(audio).toMatchObject({ location: { file: target }, missing: ['/cameras/0/audio/capture'] });
    expect(report.summary.pass).toBe(0);
  });

  it('with --defaults, the same check passes retention, sound and biometrics', () => {
    const target = out('la-rochelle-defaults.yaml');
    const r = runVigie(['import', LA_ROCHELLE, '--defaults', DEFAULTS, '-o', target]);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('cameraDefaults come from defaults-lawful.yaml');
    const { report } = check(target);
    for (const ruleId of ['retention-max-one-month', 'no-audio-capture', 'no-facial-recognition']) {
      expect(statusesOf(report.findings, ruleId), ruleId).toEqual(new Set(['pass']));
    }
  });

  it('writes to standard output and reports each problem of an awkward CSV on standard error, by file, line and row', () => {
    const r = runVigie(['import', AWKWARD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('id: C-01-2');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `vigie: warning: ${AWKWARD}:3: row 2 (commissioned): commissioning date not given ("inconnue"); left unknown [unknown-date]`,
      `vigie: warning: ${AWKWARD}:5: row 3 (commissioned): commissioning date "31/02/2016" is not an existing date; left unknown [bad-date]`,
      `vigie: warning: ${AWKWARD}:6: row 4 (id): camera id "C-01" already used by row 1; this camera was imported as "C-01-2" [duplicate-id]`,
      `vigie: warning: ${AWKWARD}:7: row 5 (commissioned): commissioning date not given ("non renseigné"); left unknown [unknown-date]`,
      `vigie: warning: ${AWKWARD}:7: row 5 (id): no camera id; generated "row-5" [missing-id]`,
      `vigie: warning: ${AWKWARD}:8: row 6: empty row, skipped [empty-row]`,
      'vigie: imported 6 cameras from 7 rows (1 skipped) into standard output; 6 warnings',
    ]);
    const written = out('awkward.yaml');
    writeFileSync(written, r.stdout);
    expect(check(written).code).toBe(0);
  });

  it('exits 1 under --strict when there are warnings, still writing the deployment', () => {
    const target = out('strict.yaml');
    expect(runVigie(['import', AWKWARD, '--strict', '-o', target]).code).toBe(1);
    expect(existsSync(target)).toBe(true);
    expect(runVigie(['import', '-', '--from', 'csv', '--strict'], { input: 'id;adresse\nA;Rue\n' }).code).toBe(0);
  });

  it('honours --map and --delimiter', () => {
    const csv = out('map.csv');
    writeFileSync(csv, 'ref|lieu|n\nX1|Gare|7\n');
    const r = runVigie(['import', csv, '--delimiter', '|', '--map', 'id=ref', '--map', 'location.placement=lieu', '--map', 'id=ref']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- id: X1\n    location: { placement: Gare }');
  });

  it('exits 2 on unreadable input, writing nothing', () => {
    const target = out('never.yaml');
    const unclosed = out('unclosed.csv');
    writeFileSync(unclosed, 'id;nom\n1;"open\n');
    const badJson = out('bad.json');
    writeFileSync(badJson, '{"records": [');
    const latin1 = out('latin1.csv');
    writeFileSync(latin1, Buffer.from('id;adresse\n1;Boulevard de l\xe9glise\n', 'latin1'));
    const xml = out('inventory.xml');
    writeFileSync(xml, '<cameras/>');
    const twice = out('twice.geojson');
    writeFileSync(twice, '{"type": "FeatureCollection", "features": [\n  {"type": "Feature", "properties": {"id": "A", "id": "B"}}\n]}\n');
    for (const [args, message] of [
      [[unclosed, '-o', target], `${unclosed}:2:1: a quoted field is never closed`],
      [[badJson, '-o', target], `${badJson}:1:`],
      [[latin1, '-o', target], 'not valid UTF-8'],
      [[join(tmp, 'missing.csv'), '-o', target], 'cannot read the file (ENOENT)'],
      [[AWKWARD, '--from', 'xlsx'], '--from "xlsx" is not one of: csv, geojson, ods'],
      [[AWKWARD, '--map', 'colour=x'], 'expected FIELD=COLUMN'],
      [[xml], 'give --from'],
      [[twice, '-o', target], `${twice}:2:49: duplicate key`],
    ] as const) {
      const r = runVigie(['import', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(target)).toBe(false);
  });

  it('exits 2 on invalid defaults, with file:line of the offending key', () => {
    const defaults = out('defaults.yaml');
    writeFileSync(defaults, 'retention: { days: 30 }\naudio: { capture: maybe }\n');
    const r = runVigie(['import', AWKWARD, '--defaults', defaults]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${defaults}:2:`);
    expect(r.stderr).toContain('/audio/capture');
    expect(r.stdout).toBe('');
  });

  it('does not overwrite a file unless --force, and never the inventory itself', () => {
    const existing = out('existing.yaml');
    writeFileSync(existing, 'keep me\n');
    const refused = runVigie(['import', AWKWARD, '-o', existing]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('exists; use --force');
    expect(readFileSync(existing, 'utf8')).toBe('keep me\n');
    expect(runVigie(['import', AWKWARD, '-o', existing, '--force']).code).toBe(0);
    expect(readFileSync(existing, 'utf8')).toContain('id: C-06');

    const inventory = out('inventory.csv');
    writeFileSync(inventory, 'id\nA\n');
    const self = runVigie(['import', inventory, '-o', inventory, '--force']);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('is the inventory itself');
    expect(readFileSync(inventory, 'utf8')).toBe('id\nA\n');
  });

  it('is listed in the general help and has its own', () => {
    expect(runVigie(['--help']).stdout).toMatch(/\n {2}import +turn a camera inventory/);
    expect(runVigie(['import', '--help']).stdout).toContain('--map FIELD=COLUMN');
  });
});
