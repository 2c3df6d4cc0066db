import type { Deployment } from '../types.js';

/** The inventory formats vigie reads. `ods`: an OpenDataSoft records export (JSON). */
export const INVENTORY_FORMATS = ['csv', 'geojson', 'ods'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/**
 * What an inventory can tell about a camera, each written at one place of the deployment:
 * id → `id`, name → `name`, address/placement/latitude/longitude → `location.*`,
 * commune → `commune` (INSEE code), owner → `owner.name`, operator → `operator`,
 * commissioned → `commissioned`, notes → `notes` (free remarks, kept so that nothing said is lost).
 */
export const IMPORT_FIELDS = ['id', 'name', 'address', 'placement', 'commune', 'latitude', 'longitude', 'owner', 'operator', 'commissioned', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Source column for each field; `null` ignores a column a preset would have used. */
export type FieldMapping = Partial<Record<ImportField, string | null>>;

export interface ImportOptions {
  from: InventoryFormat;
  /** Overrides of the built-in presets: field → source column (or dotted path in a JSON record). */
  map?: FieldMapping;
  /**
   * Settings every camera has unless the inventory says otherwise (a camera without id:
   * retention, audio, analytics…). Written as the deployment's `cameraDefaults`.
   */
  defaults?: Record<string, unknown>;
  /** CSV delimiter; sniffed from the header line when absent. */
  delimiter?: string;
  /** Name of the source, for messages and the YAML header. */
  file?: string;
  /** The deployment's `name`. */
  name?: string;
}

/**
 * The codes of import warnings. Warnings are not errors: the import goes on, and they are not
 * InputIssues (test/error-codes.test.ts triggers each of these separately from thrown codes).
 */
export const IMPORT_WARNING_CODES = [
  'unknown-column', 'ignored-columns', 'no-id-column', 'missing-id', 'duplicate-id',
  'empty-row', 'extra-cells', 'missing-cells', 'csv-text-after-quote', 'duplicate-column',
  'bad-properties', 'not-an-object', 'not-text', 'bad-geometry', 'position-mismatch', 'bad-position',
  'bad-commune', 'bad-date', 'unknown-date',
] as const;
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

/** Something doubtful in the inventory; the import goes on. */
export interface ImportWarning {
  /** 1-based data row (header excluded; feature or record index + 1 in JSON); absent for the whole file. */
  row?: number;
  /** Physical line where the row starts in the source text, when known. */
  line?: number;
  /** The vigie field concerned. */
  field?: ImportField;
  /** Stable machine-readable code, e.g. `duplicate-id`, `unknown-date`. */
  code: ImportWarningCode;
  message: string;
}

export interface ImportStats {
  format: InventoryFormat;
  /** Delimiter used (CSV). */
  delimiter?: string;
  /** Data rows, features or records read. */
  rows: number;
  cameras: number;
  /** Rows left out (empty rows, features that are not objects), each with a warning. */
  skipped: number;
  generatedIds: number;
  duplicateIds: number;
  /** Source column used for each field. */
  mapping: FieldMapping;
  /** Source columns that no field uses. */
  ignoredColumns: string[];
}

export interface ImportResult {
  deployment: Deployment;
  warnings: ImportWarning[];
  stats: ImportStats;
}

/** One row of an inventory, whatever its format: column → raw value, plus a point if the format has geometry. */
export interface SourceRecord {
  row: number;
  line?: number;
  values: Record<string, unknown>;
  /** From GeoJSON/ODS geometry: longitude, latitude (GeoJSON order). */
  point?: { longitude: unknown; latitude: unknown };
  /** An identifier outside the columns (a GeoJSON feature's own `id`), used when the id column says nothing. */
  fallbackId?: unknown;
  /** Why the geometry could not give a point, when it was present. */
  geometryProblem?: string;
}

/** Records read from an inventory, with the columns in source order. */
export interface SourceTable {
  columns: string[];
  records: SourceRecord[];
  warnings: ImportWarning[];
  skipped: number;
  delimiter?: string;
  /** Line where a row starts, for formats that do not know it while reading (JSON). */
  lineOfRow?: (row: number) => number | undefined;
}
