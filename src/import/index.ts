/** Importing camera inventories (open data: CSV, GeoJSON, OpenDataSoft) into deployments. */
export { importInventory } from './import-inventory.js';
export { importedDeploymentToYaml, type ImportYamlOptions } from './yaml.js';
export { parseCameraDefaults, checkCameraDefaults } from './defaults.js';
export { parseFieldMapping, resolveMapping, columnKey, PRESET_COLUMNS } from './mapping.js';
export { parseCsv, sniffDelimiter, type CsvRecord, type CsvParseResult } from './csv.js';
export { parseFrenchDate, parseDecimal, parseInseeCode, cleanText, type DateReading, type CommuneReading } from './values.js';
export {
  INVENTORY_FORMATS,
  IMPORT_FIELDS,
  type InventoryFormat,
  type ImportField,
  type FieldMapping,
  type ImportOptions,
  type ImportWarning,
  type ImportStats,
  type ImportResult,
} from './types.js';
