import { describe, expect, it } from 'vitest';
import {
  VigieInputError,
  builtinRuleSet,
  evaluate,
  importInventory,
  importedDeploymentToYaml,
  parseCameraDefaults,
  parseConfig,
  parseFieldMapping,
  type Finding,
  type ImportWarning,
} from '../src/index.js';
import { read } from './helpers.js';
import { syncIssuesOf } from './issues.js';

const AS_OF = '2026-01-15';
const LA_ROCHELLE = 'test/fixtures/open-data/la-rochelle-cameras.ods.json';
const laRochelle = () => importInventory(read(LA_ROCHELLE), { from: 'ods', file: LA_ROCHELLE });
const lawfulDefaults = () => parseCameraDefaults(read('test/fixtures/open-data/defaults-lawful.yaml'), { file: 'defaults-lawful.yaml' });

/** The rules of the statute pack that judge each camera: the assertions below hold for every one of them, present or future. */
const frLawCameraRules = builtinRuleSet()
  .rules.filter((r) => r.definition.pack === 'fr-law' && r.definition.scope === 'camera')
  .map((r) => r.definition.id);

const byRule = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
const codesByRow = (warnings: ImportWarning[]) => warnings.map((w) => [w.row, w.code]);

describe('importing the La Rochelle inventory (OpenDataSoft export)', () => {
  it('gives a valid deployment with its 136 cameras, each with owner, operator, commune and position', () => {
    const { deployment, stats, warnings } = laRochelle();
    expect(stats).toMatchObject({ format: 'ods', rows: 136, cameras: 136, skipped: 0, generatedIds: 0, duplicateIds: 0 });
    expect(stats.mapping).toMatchObject({ id: 'id', address: 'localisation', placement: 'emplacement', commune: 'code_insee', owner: 'proprietaire', operator: 'gestionnaire' });
    expect(() => parseConfig(JSON.stringify(deployment))).not.toThrow();
    const cameras = deployment.cameras!;
    expect(cameras).toHaveLength(136);
    expect(new Set(cameras.map((c) => c.id)).size).toBe(136);
    for (const c of cameras) {
      expect(c).toMatchObject({ owner: { name: 'Ville de La Rochelle' }, operator: 'Ville de La Rochelle', commune: '17300' });
      expect(c.location).toMatchObject({ latitude: expect.any(Number), longitude: expect.any(Number) });
    }
    expect(deployment.communes).toEqual([{ insee: '17300' }]);
    // Only the columns that repeat the geometry are left out, and that is said.
    expect(warnings).toEqual([expect.objectContaining({ code: 'ignored-columns', message: expect.stringContaining('geojson, coordinates') })]);
  });

  it('reads the position from the geometry, and cleans the HTML entities the portal left in the text', () => {
    const records = (JSON.parse(read(LA_ROCHELLE)) as { records: Array<{ fields: { id: number; emplacement: string }; geometry: { coordinates: number[] } }> }).records;
    const { deployment } = laRochelle();
    const first = deployment.cameras![0]!;
    expect(first).toMatchObject({ id: '1', location: { address: "Rue Alcide d'Orbigny", placement: 'entrée jardin des plantes' } });
    const withEntity = records.find((r) => r.fields.emplacement.startsWith('&nbsp;'))!;
    const camera = deployment.cameras!.find((c) => c.id === String(withEntity.fields.id))!;
    expect((camera.location as { placement: string }).placement).toBe(withEntity.fields.emplacement.replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim());
    expect(camera.location).toMatchObject({ longitude: withEntity.geometry.coordinates[0], latitude: withEntity.geometry.coordinates[1] });
  });

  it('checks at once: retention, sound and biometrics are undetermined for every camera, naming the missing fields', async () => {
    const { deployment } = laRochelle();
    const report = await evaluate(deployment, { asOf: AS_OF });
    const expectations: Record<string, (i: number) => string[]> = {
      'retention-max-one-month': (i) => [`/cameras/${i}/retention`, '/recording/retention'],
      'no-audio-capture': (i) => [`/cameras/${i}/audio/capture`],
      'no-facial-recognition': (i) => [`/cameras/${i}/analytics/facialRecognition`, `/cameras/${i}/analytics/biometricIdentification`],
    };
    for (const [ruleId, missing] of Object.entries(expectations)) {
      const findings = byRule(report.findings, ruleId);
      expect(findings, ruleId).toHaveLength(136);
      findings.forEach((f) => {
        const i = Number(f.pointer.split('/')[2]);
        expect(f.status, `${ruleId} ${f.pointer}`).toBe('undetermined');
        expect(f.missing).toEqual(expect.arrayContaining(missing(i)));
      });
    }
  });

  it('lets no statute rule on cameras pass (or fail) on an inventory alone', async () => {
    const report = await evaluate(laRochelle().deployment, { asOf: AS_OF });
    expect(frLawCameraRules.length).toBeGreaterThanOrEqual(3);
    for (const ruleId of frLawCameraRules) {
      const statuses = new Set(byRule(report.findings, ruleId).map((f) => f.status));
      expect([...statuses].every((s) => s === 'undetermined' || s === 'not-applicable'), `${ruleId}: ${[...statuses].join(', ')}`).toBe(true);
    }
    // Nor any other rule: an inventory alone never shows compliance.
    expect(report.summary.pass).toBe(0);
  });
});

describe('camera defaults', () => {
  it('fill what the inventory does not say, so that lawful defaults pass', async () => {
    const { deployment } = importInventory(read(LA_ROCHELLE), { from: 'ods', defaults: lawfulDefaults() });
    expect(deployment.cameraDefaults).toEqual({ retention: { days: 30 }, publicRoad: true, audio: { capture: false }, analytics: { facialRecognition: false, biometricIdentification: false } });
    expect(deployment.cameras![0]).not.toHaveProperty('retention');
    const report = await evaluate(deployment, { asOf: AS_OF });
    for (const ruleId of ['retention-max-one-month', 'no-audio-capture', 'no-facial-recognition']) {
      const findings = byRule(report.findings, ruleId);
      expect(findings, ruleId).toHaveLength(136);
      expect(findings.every((f) => f.status === 'pass'), ruleId).toBe(true);
    }
  });

  it('give way to what the inventory states', async () => {
    const csv = 'id;gestionnaire\nA;Ville\nB;\n';
    const { deployment } = importInventory(csv, { from: 'csv', defaults: { operator: 'Prestataire', audio: { capture: true } } });
    const report = await evaluate(deployment, { asOf: AS_OF });
    expect(deployment.cameras).toEqual([{ id: 'A', operator: 'Ville' }, { id: 'B' }]);
    expect(byRule(report.findings, 'no-audio-capture').map((f) => f.status)).toEqual(['violation', 'violation']);
  });

  it('are checked against the camera schema with located errors', () => {
    const bad = 'retention: { days: 30 }\naudio:\n  capture: "non"\nid: X\n';
    try {
      parseCameraDefaults(bad, { file: 'defaults.yaml' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VigieInputError);
      const issues = (e as VigieInputError).issues;
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ pointer: '/audio/capture', location: { file: 'defaults.yaml', line: 3, column: 3 } }),
          expect.objectContaining({ pointer: '/id', message: 'unknown key "id"' }),
        ]),
      );
    }
    expect(() => importInventory('id\nA\n', { from: 'csv', defaults: { retention: { weeks: 2 } } })).toThrow(VigieInputError);
  });
});

describe('importing an awkward CSV', () => {
  const result = () => importInventory(read('test/fixtures/open-data/awkward.csv'), { from: 'csv', file: 'awkward.csv' });

  it('sniffs ";", reads the BOM, CRLF and quoted fields holding delimiters, quotes and a newline', () => {
    const { deployment, stats } = result();
    expect(stats).toMatchObject({ delimiter: ';', rows: 7, cameras: 6, skipped: 1, generatedIds: 1, duplicateIds: 1 });
    expect(stats.mapping).toMatchObject({ id: 'N°', commissioned: 'Date de mise en service', owner: 'Propriétaire', commune: 'Code INSEE', notes: 'Remarque' });
    const [c1, c2] = deployment.cameras!;
    expect(c1).toEqual({
      id: 'C-01',
      location: { address: "Place de l'Hôtel de Ville; parvis", placement: 'Façade "mairie"', latitude: 45.1866, longitude: 5.7357 },
      commune: '38185',
      owner: { name: 'Ville de Grenoble' },
      operator: 'Ville de Grenoble',
      commissioned: '2016-07-08',
    });
    expect(c2).toMatchObject({ id: 'C-02', location: { placement: 'Angle rue Raoul Blanchard', latitude: 45.1893, longitude: 5.7262 } });
    expect(c2).not.toHaveProperty('commissioned');
  });

  it('reports each problem with its data row and physical line, and loses no camera', () => {
    const { deployment, warnings } = result();
    expect(codesByRow(warnings)).toEqual([
      [2, 'unknown-date'],
      [3, 'bad-date'],
      [4, 'duplicate-id'],
      [5, 'unknown-date'],
      [5, 'missing-id'],
      [6, 'empty-row'],
    ]);
    const at = (row: number, code: string) => warnings.find((w) => w.row === row && w.code === code)!;
    expect(at(2, 'unknown-date')).toMatchObject({ line: 3, field: 'commissioned', message: expect.stringContaining('"inconnue"') });
    expect(at(3, 'bad-date')).toMatchObject({ line: 5, message: expect.stringContaining('"31/02/2016" is not an existing date') });
    expect(at(4, 'duplicate-id')).toMatchObject({ line: 6, field: 'id', message: expect.stringContaining('already used by row 1') });
    expect(at(5, 'missing-id')).toMatchObject({ line: 7, message: expect.stringContaining('"row-5"') });
    expect(at(6, 'empty-row')).toMatchObject({ line: 8 });
    expect(deployment.cameras!.map((c) => c.id)).toEqual(['C-01', 'C-02', 'C-03', 'C-01-2', 'row-5', 'C-06']);
    expect(deployment.cameras![3]).toMatchObject({ location: { address: 'Avenue Alsace-Lorraine' }, commissioned: '2019-03-01', notes: 'doublon ?' });
  });

  it('reports rows whose cell count differs from the header, and repeated column names', () => {
    const { deployment, warnings } = importInventory('id,adresse,adresse\nA,Rue,Bis,extra\nB\nC,Quai,,\n', { from: 'csv' });
    expect(codesByRow(warnings)).toEqual([
      [undefined, 'duplicate-column'],
      [undefined, 'ignored-columns'],
      [1, 'extra-cells'],
      [2, 'missing-cells'],
    ]);
    expect(warnings.find((w) => w.code === 'extra-cells')!.message).toContain('"extra"');
    expect(deployment.cameras).toEqual([{ id: 'A', location: { address: 'Rue' } }, { id: 'B' }, { id: 'C', location: { address: 'Quai' } }]);
  });

  it('writes YAML that says where it came from, keeps ids as text and validates', () => {
    const yaml = importedDeploymentToYaml(result(), { source: 'awkward.csv' });
    expect(yaml).toMatch(/^# Imported by `vigie import` from awkward\.csv \(CSV\): 6 cameras from 7 rows, 6 warnings\./);
    expect(yaml).toContain('left out on purpose');
    const ids = importedDeploymentToYaml(importInventory('id\n007\n12\n', { from: 'csv' }));
    expect(parseConfig(ids).data.cameras!.map((c) => c.id)).toEqual(['007', '12']);
  });
});

describe('importing GeoJSON', () => {
  const result = () => importInventory(read('test/fixtures/open-data/small.geojson'), { from: 'geojson', file: 'small.geojson' });

  it('reads properties and point geometries, falling back to latitude/longitude columns', () => {
    const { deployment, stats } = result();
    expect(stats).toMatchObject({ rows: 5, cameras: 4, skipped: 1 });
    expect(deployment.cameras).toEqual([
      {
        id: 'G1',
        name: 'Place Victor Hugo',
        location: { address: 'Place Victor Hugo', latitude: 45.1885, longitude: 5.7245 },
        owner: { name: 'Ville de Grenoble' },
        operator: 'Police municipale',
        commissioned: '2015-05-04',
      },
      { id: 'G2', location: { address: 'Rue de la République', latitude: 45.1901, longitude: 5.7302 }, owner: { name: 'Ville de Grenoble' }, commissioned: '2015-05-04' },
      { id: 'G3', location: { address: 'Cours Berriat' } },
      { id: 'G4', location: { address: 'Jardin de ville', latitude: 45.1921, longitude: 5.7301 } },
    ]);
  });

  it('reports what it could not use, by feature and line', () => {
    const { warnings } = result();
    expect(codesByRow(warnings)).toEqual([
      [3, 'bad-geometry'],
      [3, 'unknown-date'],
      [4, 'position-mismatch'],
      [4, 'bad-date'],
      [5, 'not-an-object'],
    ]);
    expect(warnings.find((w) => w.code === 'bad-geometry')).toMatchObject({ line: 15, message: expect.stringContaining('LineString') });
    expect(warnings.find((w) => w.code === 'not-an-object')).toMatchObject({ line: 25 });
  });

  it('refuses what is not a FeatureCollection, with a located error', () => {
    expect(() => importInventory('{"type": "Feature"}', { from: 'geojson', file: 'x.geojson' })).toThrow(/not a GeoJSON FeatureCollection/);
    expect(() => importInventory('{"type": ', { from: 'geojson', file: 'x.geojson' })).toThrow(VigieInputError);
  });

  it('refuses a key written twice, at the second one (before: the last value silently won)', () => {
    const text = '{"type": "FeatureCollection", "features": [\n  {"type": "Feature", "properties": {"id": "A", "id": "B"}}\n]}\n';
    expect(syncIssuesOf(() => importInventory(text, { from: 'geojson', file: 'x.geojson' }))).toEqual([
      expect.objectContaining({ code: 'duplicate-key', location: { file: 'x.geojson', line: 2, column: 49 } }),
    ]);
  });
});

describe('OpenDataSoft exports', () => {
  it('reads a bare array of records and the v2 results', () => {
    const v1 = JSON.stringify([{ fields: { identifiant: 'A', proprietaire: 'Ville' }, geometry: { type: 'Point', coordinates: [2.35, 48.85] } }]);
    const v2 = JSON.stringify({ total_count: 1, results: [{ identifiant: 'A', proprietaire: 'Ville' }] });
    expect(importInventory(v1, { from: 'ods' }).deployment.cameras).toEqual([{ id: 'A', owner: { name: 'Ville' }, location: { latitude: 48.85, longitude: 2.35 } }]);
    expect(importInventory(v2, { from: 'ods' }).deployment.cameras).toEqual([{ id: 'A', owner: { name: 'Ville' } }]);
    expect(() => importInventory('{"foo": []}', { from: 'ods' })).toThrow(/not an OpenDataSoft records export/);
  });

  it('refuses a record with a key written twice (before: the last value silently won)', () => {
    const text = '[\n  {"fields": {"identifiant": "A", "proprietaire": "Ville", "identifiant": "B"}}\n]\n';
    expect(syncIssuesOf(() => importInventory(text, { from: 'ods', file: 'x.json' }))).toEqual([
      expect.objectContaining({ code: 'duplicate-key', location: expect.objectContaining({ file: 'x.json', line: 2 }) }),
    ]);
  });

  it('reads the position from geo_point_2d when a record has no geometry', () => {
    const v1 = JSON.stringify([{ fields: { id: 'A', geo_point_2d: [48.85, 2.35] } }]);
    const v2 = JSON.stringify({ results: [{ id: 'B', geo_point_2d: { lon: 2.35, lat: 48.85 } }] });
    expect(importInventory(v1, { from: 'ods' }).deployment.cameras![0]!.location).toEqual({ latitude: 48.85, longitude: 2.35 });
    expect(importInventory(v2, { from: 'ods' }).deployment.cameras![0]!.location).toEqual({ latitude: 48.85, longitude: 2.35 });
  });
});

describe('field mapping', () => {
  const csv = 'numero;numero_camera;date_pose;site\n1;CAM-A;01/02/2020;Parking\n';

  it('uses the presets, and --map overrides them or turns a column off', () => {
    expect(importInventory(csv, { from: 'csv' }).deployment.cameras).toEqual([{ id: 'CAM-A', location: { address: 'Parking' }, commissioned: '2020-02-01' }]);
    const mapped = importInventory(csv, { from: 'csv', map: parseFieldMapping(['id=numero', 'commissioned=', 'location.placement=site']) });
    expect(mapped.deployment.cameras).toEqual([{ id: '1', location: { placement: 'Parking' } }]);
    expect(mapped.stats.ignoredColumns).toEqual(['numero_camera', 'date_pose']);
  });

  it('matches a --map column without case or accents, reads dotted paths in JSON, and warns about a column that is not there', () => {
    expect(importInventory('Numéro Caméra\nX\n', { from: 'csv', map: { id: 'numero camera' } }).deployment.cameras).toEqual([{ id: 'X' }]);
    const ods = JSON.stringify({ records: [{ fields: { info: { ref: 'R1' } } }] });
    expect(importInventory(ods, { from: 'ods', map: { id: 'info.ref' } }).deployment.cameras).toEqual([{ id: 'R1' }]);
    const { warnings } = importInventory('id\nA\n', { from: 'csv', map: { owner: 'proprio' } });
    expect(warnings).toEqual([expect.objectContaining({ code: 'unknown-column', field: 'owner' })]);
  });

  it('rejects a --map that names no field', () => {
    expect(() => parseFieldMapping(['identifier=x'])).toThrow(/expected FIELD=COLUMN/);
    expect(() => parseFieldMapping(['id'])).toThrow(VigieInputError);
  });

  it('generates ids when no column gives them, and says so', () => {
    const { deployment, warnings } = importInventory('adresse\nRue A\nRue B\n', { from: 'csv' });
    expect(deployment.cameras!.map((c) => c.id)).toEqual(['row-1', 'row-2']);
    expect(warnings.map((w) => w.code)).toEqual(['no-id-column', 'missing-id', 'missing-id']);
  });
});
