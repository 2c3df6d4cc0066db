import { VigieInputError } from '../errors.js';
import { validateConfig } from '../config.js';
import type { Deployment } from '../types.js';
import { cameraFromRecord, type ImportedCamera } from './camera.js';
import { readCsvTable } from './csv.js';
import { checkCameraDefaults } from './defaults.js';
import { readGeoJsonTable } from './geojson.js';
import { resolveMapping } from './mapping.js';
import { readOdsTable } from './ods.js';
import { INVENTORY_FORMATS, type ImportOptions, type ImportResult, type ImportWarning, type SourceTable } from './types.js';

function readTable(text: string, options: ImportOptions): SourceTable {
  switch (options.from) {
    case 'csv':
      return readCsvTable(text, { delimiter: options.delimiter, file: options.file });
    case 'geojson':
      return readGeoJsonTable(text, options.file);
    case 'ods':
      return readOdsTable(text, options.file);
    default:
      throw new VigieInputError('usage', [{ code: 'usage', message: `unknown inventory format "${String(options.from)}" (expected one of: ${INVENTORY_FORMATS.join(', ')})` }]);
  }
}

/**
 * Turns a camera inventory (CSV, GeoJSON, OpenDataSoft export) into a deployment that
 * `evaluate` can check at once. Only what the inventory states is written: everything else
 * stays unknown, so that the report lists what remains to document. Every doubtful or skipped
 * row comes back as a warning naming it. Throws VigieInputError when the text cannot be read
 * or the defaults are invalid; the deployment returned is always valid.
 */
export function importInventory(text: string, options: ImportOptions): ImportResult {
  const defaults = options.defaults === undefined ? undefined : checkCameraDefaults(options.defaults);
  const table = readTable(text, options);
  const warnings: ImportWarning[] = [...table.warnings];
  const { mapping, unknownColumns } = resolveMapping(table.columns, options.map);
  for (const [field, column] of unknownColumns) {
    warnings.push({ field, code: 'unknown-column', message: `--map ${field}=${column}: the inventory has no column "${column}"; ${field} left unknown` });
  }
  const used = new Set(Object.values(mapping));
  const ignoredColumns = table.columns.filter((c) => !used.has(c));
  if (ignoredColumns.length > 0) {
    warnings.push({ code: 'ignored-columns', message: `columns not imported (no field maps to them; see --map): ${ignoredColumns.join(', ')}` });
  }
  if (!mapping.id) warnings.push({ field: 'id', code: 'no-id-column', message: 'no column gives camera ids (see --map id=COLUMN); ids are generated from row numbers' });

  const imported = table.records.map((record) => ({ record, camera: cameraFromRecord(record, mapping, warnings) }));
  const { cameras, generatedIds, duplicateIds } = assignIds(imported, warnings);

  const deployment: Deployment = {};
  if (options.name) deployment.name = options.name;
  const communes = [...new Set(cameras.map((c) => c.commune).filter((c): c is string => c !== undefined))];
  if (communes.length > 0) deployment.communes = communes.map((insee) => ({ insee }));
  if (defaults !== undefined && Object.keys(defaults).length > 0) deployment.cameraDefaults = defaults;
  deployment.cameras = cameras as Deployment['cameras'];

  const issues = validateConfig(deployment);
  if (issues.length > 0) {
    throw new VigieInputError('config', issues.map((i) => ({ ...i, message: `the imported deployment would be invalid: ${i.message}` })));
  }
  if (table.lineOfRow) {
    for (const w of warnings) {
      if (w.row !== undefined && w.line === undefined) {
        const line = table.lineOfRow(w.row);
        if (line !== undefined) w.line = line;
      }
    }
  }
  warnings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    deployment,
    warnings,
    stats: {
      format: options.from,
      ...(table.delimiter !== undefined ? { delimiter: table.delimiter } : {}),
      rows: table.records.length + table.skipped,
      cameras: cameras.length,
      skipped: table.skipped,
      generatedIds,
      duplicateIds,
      mapping,
      ignoredColumns,
    },
  };
}

/**
 * Gives every camera a distinct id. A row without id gets `row-N`; a repeated id is kept with a
 * suffix (`12-2`) so that no camera is lost and each stays distinguishable; both are warnings.
 */
function assignIds(imported: Array<{ record: { row: number; line?: number }; camera: ImportedCamera }>, warnings: ImportWarning[]) {
  const given = new Set(imported.map((i) => i.camera.id).filter((id): id is string => id !== undefined));
  const taken = new Set<string>();
  const firstRow = new Map<string, number>();
  const fresh = (base: string) => {
    let n = 2;
    while (given.has(`${base}-${n}`) || taken.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  };
  let generatedIds = 0;
  let duplicateIds = 0;
  const cameras = imported.map(({ record, camera }) => {
    const at = { row: record.row, ...(record.line !== undefined ? { line: record.line } : {}) };
    let id = camera.id;
    if (id === undefined) {
      id = given.has(`row-${record.row}`) || taken.has(`row-${record.row}`) ? fresh(`row-${record.row}`) : `row-${record.row}`;
      generatedIds++;
      warnings.push({ ...at, field: 'id', code: 'missing-id', message: `no camera id; generated "${id}"` });
    } else if (taken.has(id)) {
      const original = id;
      id = fresh(original);
      duplicateIds++;
      warnings.push({ ...at, field: 'id', code: 'duplicate-id', message: `camera id "${original}" already used by row ${firstRow.get(original)}; this camera was imported as "${id}"` });
    }
    taken.add(id);
    if (!firstRow.has(id)) firstRow.set(id, record.row);
    return { id, ...withoutId(camera) };
  });
  return { cameras, generatedIds, duplicateIds };
}

function withoutId({ id: _id, ...rest }: ImportedCamera): Omit<ImportedCamera, 'id'> {
  return rest;
}
