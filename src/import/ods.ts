import { isPlainObject, columnsOf, notA, parseJsonInventory, pointOf, recordsFrom, rowLines } from './json-records.js';
import type { SourceRecord, SourceTable } from './types.js';

/**
 * An OpenDataSoft export, as most French open-data portals publish: the records API
 * (`{records: [{fields, geometry}]}`), the JSON export (a bare array of such records), or the
 * v2 API (`{results: [{…flat fields}]}`).
 */
export function readOdsTable(text: string, file?: string): SourceTable {
  const source = parseJsonInventory(text, file);
  const data = source.data;
  let items: unknown[] | undefined;
  let pointer = '';
  if (Array.isArray(data)) items = data;
  else if (isPlainObject(data) && Array.isArray(data.records)) [items, pointer] = [data.records, '/records'];
  else if (isPlainObject(data) && Array.isArray(data.results)) [items, pointer] = [data.results, '/results'];
  if (!items) {
    throw notA('an OpenDataSoft records export', file, 'an object with a "records" array of {fields, geometry}, a "results" array, or a bare array of records');
  }
  const { records, warnings, skipped } = recordsFrom(items, 'the record', (record, at) => {
    // v1 records wrap their columns in `fields`; v2 results are flat.
    const values = isPlainObject(record.fields) ? { ...record.fields } : { ...record };
    return { ...at, values, ...(record.geometry !== undefined ? pointOf(record.geometry) : geoPoint2d(values.geo_point_2d)) };
  });
  return { columns: columnsOf(records), records, warnings, skipped, lineOfRow: rowLines(source, pointer) };
}

/**
 * OpenDataSoft's own point column, `geo_point_2d`: `[lat, lon]` in v1 fields, `{lon, lat}` in
 * v2 results. Used when the record has no GeoJSON geometry.
 */
function geoPoint2d(value: unknown): Pick<SourceRecord, 'point'> {
  if (Array.isArray(value) && value.length === 2) return { point: { latitude: value[0], longitude: value[1] } };
  if (isPlainObject(value) && 'lat' in value && 'lon' in value) return { point: { latitude: value.lat, longitude: value.lon } };
  return {};
}
