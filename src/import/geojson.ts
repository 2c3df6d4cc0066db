import { isPlainObject, columnsOf, notA, parseJsonInventory, pointOf, recordsFrom, rowLines } from './json-records.js';
import type { SourceTable } from './types.js';

/** A GeoJSON FeatureCollection of points: each feature's properties are its columns, its geometry its position. */
export function readGeoJsonTable(text: string, file?: string): SourceTable {
  const source = parseJsonInventory(text, file);
  const data = source.data;
  if (!isPlainObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    throw notA('a GeoJSON FeatureCollection', file, 'an object with "type": "FeatureCollection" and a "features" array');
  }
  const { records, warnings, skipped } = recordsFrom(data.features, 'the feature', (feature, at, warnings) => {
    const properties = isPlainObject(feature.properties) ? feature.properties : {};
    if (feature.properties !== undefined && feature.properties !== null && !isPlainObject(feature.properties)) {
      warnings.push({ ...at, code: 'bad-properties', message: 'the feature\'s properties are not an object; they were not imported' });
    }
    // A feature's own `id` (outside properties) is an identifier too, used when the properties give none.
    return { ...at, values: { ...properties }, ...(feature.id !== undefined ? { fallbackId: feature.id } : {}), ...pointOf(feature.geometry) };
  });
  return { columns: columnsOf(records), records, warnings, skipped, lineOfRow: rowLines(source, '/features') };
}
