import { VigieInputError } from '../errors.js';
import { joinPointer } from '../parse/pointer.js';
import { parseSource } from '../parse/source.js';
import type { ImportWarning, SourceRecord } from './types.js';

/** A parsed JSON inventory, and the line where a value starts (for warnings). */
export interface JsonInventory {
  data: unknown;
  lineOf(pointer: string): number | undefined;
}

/**
 * Parses a JSON inventory as a deployment is parsed (parseSource): a syntax error or a key written
 * twice is refused with its file, line and column, never resolved by keeping the last value, as
 * JSON.parse alone would. Rows are located, when a warning needs a line, by the same reader.
 */
export function parseJsonInventory(text: string, file: string | undefined): JsonInventory {
  const source = parseSource(text, { file, format: 'json', kind: 'config' });
  return { data: source.data, lineOf: (pointer) => source.locate(pointer)?.line };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function notA(what: string, file: string | undefined, expected: string): VigieInputError {
  return new VigieInputError('config', [{ code: 'format', message: `not ${what}`, location: { file, line: 1, column: 1 }, expected }]);
}

/** Reads a GeoJSON Point as longitude, latitude; any other geometry is a problem to report (a camera stands at a point). */
export function pointOf(geometry: unknown): Pick<SourceRecord, 'point' | 'geometryProblem'> {
  if (geometry === undefined || geometry === null) return {};
  if (!isPlainObject(geometry)) return { geometryProblem: 'the geometry is not an object' };
  if (geometry.type !== 'Point') return { geometryProblem: `the geometry is a ${String(geometry.type)}, not a Point` };
  const coords = geometry.coordinates;
  if (!Array.isArray(coords) || coords.length < 2) return { geometryProblem: 'the Point has no [longitude, latitude] coordinates' };
  return { point: { longitude: coords[0], latitude: coords[1] } };
}

/** Column names in order of first appearance across records. */
export function columnsOf(records: SourceRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.values)) seen.add(k);
  return [...seen];
}

/** Line of the n-th (1-based) item of the array at a pointer. */
export function rowLines(inventory: JsonInventory, arrayPointer: string): (row: number) => number | undefined {
  return (row) => inventory.lineOf(joinPointer(arrayPointer, row - 1));
}

/** Turns items of a JSON array into records, skipping (with a warning) items that are not objects. */
export function recordsFrom(
  items: unknown[],
  what: string,
  read: (item: Record<string, unknown>, at: { row: number }, warnings: ImportWarning[]) => SourceRecord,
): { records: SourceRecord[]; warnings: ImportWarning[]; skipped: number } {
  const records: SourceRecord[] = [];
  const warnings: ImportWarning[] = [];
  let skipped = 0;
  items.forEach((item, index) => {
    const at = { row: index + 1 };
    if (!isPlainObject(item)) {
      skipped++;
      warnings.push({ ...at, code: 'not-an-object', message: `${what} is not an object, skipped` });
      return;
    }
    records.push(read(item, at, warnings));
  });
  return { records, warnings, skipped };
}
