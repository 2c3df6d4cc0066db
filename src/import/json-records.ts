import { VigieInputError } from '../errors.js';
import { joinPointer } from '../parse/pointer.js';
import { parseSource, type ParsedSource } from '../parse/source.js';
import type { ImportWarning, SourceRecord } from './types.js';

/** Parses a JSON inventory with positions, so that warnings can name the line of each feature or record. */
export function parseJsonInventory(text: string, file: string | undefined): ParsedSource {
  return parseSource(text, { file, format: 'json', kind: 'config' });
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function notA(what: string, file: string | undefined, expected: string): VigieInputError {
  return new VigieInputError('config', [{ code: 'format', message: `not ${what}`, location: { file, line: 1, column: 1 }, expected }]);
}

/** Reads a GeoJSON Point (or the first point of a MultiPoint) as longitude, latitude; anything else is a problem to report. */
export function pointOf(geometry: unknown): Pick<SourceRecord, 'point' | 'geometryProblem'> {
  if (geometry === undefined || geometry === null) return {};
  if (!isPlainObject(geometry)) return { geometryProblem: 'the geometry is not an object' };
  const coords = geometry.type === 'Point' ? geometry.coordinates : undefined;
  if (geometry.type !== 'Point') return { geometryProblem: `the geometry is a ${String(geometry.type)}, not a Point` };
  if (!Array.isArray(coords) || coords.length < 2) return { geometryProblem: 'the Point has no [longitude, latitude] coordinates' };
  return { point: { longitude: coords[0], latitude: coords[1] } };
}

/** Column names in order of first appearance across records. */
export function columnsOf(records: SourceRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.values)) seen.add(k);
  return [...seen];
}

/** Turns items of a JSON array into records, skipping (with a warning) items that are not objects. */
export function recordsFrom(
  items: unknown[],
  source: ParsedSource,
  arrayPointer: string,
  what: string,
  read: (item: Record<string, unknown>, at: { row: number; line?: number }, warnings: ImportWarning[]) => SourceRecord,
): { records: SourceRecord[]; warnings: ImportWarning[]; skipped: number } {
  const records: SourceRecord[] = [];
  const warnings: ImportWarning[] = [];
  let skipped = 0;
  items.forEach((item, index) => {
    const at = { row: index + 1, line: source.locate(joinPointer(arrayPointer, index))?.line };
    if (!isPlainObject(item)) {
      skipped++;
      warnings.push({ ...at, code: 'not-an-object', message: `${what} is not an object, skipped` });
      return;
    }
    records.push(read(item, at, warnings));
  });
  return { records, warnings, skipped };
}
