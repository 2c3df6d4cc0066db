import { cleanText, meansUnknown, parseDecimal, parseFrenchDate, parseInseeCode } from './values.js';
import type { FieldMapping, ImportField, ImportWarning, ImportWarningCode, SourceRecord } from './types.js';

/** A camera as the inventory describes it, before ids are made unique. Only what is known is set. */
export interface ImportedCamera {
  id?: string;
  name?: string;
  location?: { address?: string; placement?: string; latitude?: number; longitude?: number };
  commune?: string;
  owner?: { name: string };
  operator?: string;
  commissioned?: string;
  notes?: string;
}

/** Two readings of one position closer than this (about 10 cm) agree. */
const SAME_POSITION_DEGREES = 1e-6;

/** The raw value of a column, or of a dotted path into a JSON record when no column has that name. */
export function valueAt(values: Record<string, unknown>, column: string): unknown {
  if (Object.prototype.hasOwnProperty.call(values, column)) return values[column];
  let current: unknown = values;
  for (const part of column.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Reads one record through the mapping; every value it cannot use becomes a warning naming the row. */
export function cameraFromRecord(record: SourceRecord, mapping: FieldMapping, warnings: ImportWarning[]): ImportedCamera {
  const at = { row: record.row, ...(record.line !== undefined ? { line: record.line } : {}) };
  const warn = (field: ImportField | undefined, code: ImportWarningCode, message: string) => warnings.push({ ...at, ...(field ? { field } : {}), code, message });
  const raw = (field: ImportField) => {
    const column = mapping[field];
    return column ? valueAt(record.values, column) : undefined;
  };
  const text = (field: ImportField) => {
    const value = raw(field);
    if (value !== null && typeof value === 'object') {
      warn(field, 'not-text', `${field} (column "${mapping[field]}") holds a structure, not text; left unknown`);
      return undefined;
    }
    return cleanText(value);
  };

  const camera: ImportedCamera = {};
  const id = text('id') ?? cleanText(record.fallbackId);
  if (id !== undefined && !meansUnknown(id)) camera.id = id;
  const name = text('name');
  if (name !== undefined) camera.name = name;

  const location: NonNullable<ImportedCamera['location']> = {};
  const address = text('address');
  const placement = text('placement');
  if (address !== undefined) location.address = address;
  if (placement !== undefined) location.placement = placement;
  Object.assign(location, position(record, raw('latitude'), raw('longitude'), mapping, warn));
  if (Object.keys(location).length > 0) camera.location = location;

  const communeValue = raw('commune');
  if (communeValue !== undefined) {
    const commune = parseInseeCode(communeValue);
    if ('insee' in commune) camera.commune = commune.insee;
    else if ('invalid' in commune) warn('commune', 'bad-commune', `${commune.invalid}; commune left unknown`);
  }

  const owner = text('owner');
  if (owner !== undefined && !meansUnknown(owner)) camera.owner = { name: owner };
  const operator = text('operator');
  if (operator !== undefined && !meansUnknown(operator)) camera.operator = operator;

  if (mapping.commissioned) {
    const date = parseFrenchDate(raw('commissioned'));
    if ('date' in date) camera.commissioned = date.date;
    else if ('invalid' in date) warn('commissioned', 'bad-date', `commissioning date ${date.invalid}; left unknown`);
    else warn('commissioned', 'unknown-date', `commissioning date not given (${describe(raw('commissioned'))}); left unknown`);
  }
  const notes = text('notes');
  if (notes !== undefined) camera.notes = notes;
  return camera;
}

function describe(value: unknown): string {
  const text = cleanText(value);
  return text === undefined ? 'empty' : `"${text}"`;
}

/**
 * The camera's position: from the geometry when there is one, else from latitude/longitude
 * columns. When both exist and disagree, the geometry wins and the disagreement is reported.
 */
function position(
  record: SourceRecord,
  latValue: unknown,
  lonValue: unknown,
  mapping: FieldMapping,
  warn: (field: ImportField | undefined, code: ImportWarningCode, message: string) => void,
): { latitude?: number; longitude?: number } {
  if (record.geometryProblem) warn(undefined, 'bad-geometry', `${record.geometryProblem}; position taken from the columns if any`);
  const fromGeometry = record.point ? checkedPoint(parseDecimal(record.point.latitude), parseDecimal(record.point.longitude)) : undefined;
  if (record.point && typeof fromGeometry === 'string') warn(undefined, 'bad-geometry', `geometry: ${fromGeometry}`);

  let fromColumns: { latitude: number; longitude: number } | string | undefined;
  const latText = cleanText(latValue);
  const lonText = cleanText(lonValue);
  if ((mapping.latitude || mapping.longitude) && (latText !== undefined || lonText !== undefined || typeof latValue === 'number' || typeof lonValue === 'number')) {
    const lat = parseDecimal(latValue);
    const lon = parseDecimal(lonValue);
    if (lat === undefined || lon === undefined) {
      fromColumns = `latitude ${describe(latValue)} and longitude ${describe(lonValue)} are not both decimal numbers`;
    } else fromColumns = checkedPoint(lat, lon);
  }

  if (typeof fromGeometry === 'object') {
    if (typeof fromColumns === 'object') {
      const apart = Math.max(Math.abs(fromColumns.latitude - fromGeometry.latitude), Math.abs(fromColumns.longitude - fromGeometry.longitude));
      if (apart > SAME_POSITION_DEGREES) {
        warn('latitude', 'position-mismatch', `the geometry (${fromGeometry.latitude}, ${fromGeometry.longitude}) and the latitude/longitude columns (${fromColumns.latitude}, ${fromColumns.longitude}) disagree; the geometry was kept`);
      }
    }
    return fromGeometry;
  }
  if (typeof fromColumns === 'string') {
    warn('latitude', 'bad-position', `${fromColumns}; position left unknown`);
    return {};
  }
  return fromColumns ?? {};
}

function checkedPoint(latitude: number | undefined, longitude: number | undefined): { latitude: number; longitude: number } | string {
  if (latitude === undefined || longitude === undefined) return 'the coordinates are not numbers';
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    return `latitude ${latitude}, longitude ${longitude} are not WGS 84 degrees (projected coordinates such as Lambert 93 are not converted)`;
  }
  return { latitude, longitude };
}
