import { VigieInputError } from '../errors.js';
import { fold } from './values.js';
import { IMPORT_FIELDS, type FieldMapping, type ImportField } from './types.js';

/**
 * Column names French inventories use for each field, compared without case, accents or
 * punctuation (`Date de mise en service` matches `date_de_mise_en_service`). The first name
 * present in a file wins; the others stay unmapped and are listed as ignored columns.
 */
export const PRESET_COLUMNS: Record<ImportField, readonly string[]> = {
  id: ['id', 'identifiant', 'id_camera', 'identifiant_camera', 'numero_camera', 'num_camera', 'camera_id', 'code_camera', 'numero', 'num', 'no', 'n', 'reference', 'ref', 'code'],
  name: ['nom', 'nom_camera', 'libelle', 'designation', 'name', 'intitule'],
  address: ['adresse', 'localisation', 'address', 'adresse_postale', 'voie', 'rue', 'lieu', 'site'],
  placement: ['emplacement', 'implantation', 'complement_adresse', 'complement', 'precision', 'position', 'situation', 'support'],
  commune: ['code_insee', 'insee', 'code_commune', 'insee_commune', 'commune_insee', 'code_insee_commune', 'insee_com', 'commune', 'ville'],
  latitude: ['latitude', 'lat', 'y_wgs84', 'lat_wgs84', 'wgs84_lat'],
  longitude: ['longitude', 'lon', 'lng', 'long', 'x_wgs84', 'lon_wgs84', 'wgs84_lon'],
  owner: ['proprietaire', 'owner', 'maitre_ouvrage', 'maitre_d_ouvrage', 'maitre_d_oeuvre'],
  operator: ['gestionnaire', 'exploitant', 'operateur', 'operator', 'gestion'],
  commissioned: ['date_mise_en_service', 'date_de_mise_en_service', 'mise_en_service', 'date_mes', 'date_installation', 'date_d_installation', 'date_pose', 'installation', 'commissioned', 'date_service'],
  notes: ['remarque', 'remarques', 'observation', 'observations', 'commentaire', 'commentaires', 'notes', 'note', 'description'],
};

/** Also accepted on the left of `--map`: where the field lands in the deployment. */
const FIELD_ALIASES: Record<string, ImportField> = {
  'owner.name': 'owner',
  'location.address': 'address',
  'location.placement': 'placement',
  'location.latitude': 'latitude',
  'location.longitude': 'longitude',
  lat: 'latitude',
  lon: 'longitude',
};

/** A column name folded for comparison: lower case, no accents, words joined by `_`. */
export function columnKey(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

export function importFieldOf(name: string): ImportField | undefined {
  if ((IMPORT_FIELDS as readonly string[]).includes(name)) return name as ImportField;
  return FIELD_ALIASES[name];
}

/**
 * Parses `--map FIELD=COLUMN` options (`FIELD=` ignores a column a preset would use).
 * Throws a usage error naming the fields vigie knows.
 */
export function parseFieldMapping(specs: readonly string[]): FieldMapping {
  const out: FieldMapping = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const field = eq < 0 ? undefined : importFieldOf(spec.slice(0, eq).trim());
    if (eq < 0 || !field) {
      throw new VigieInputError('usage', [
        {
          code: 'usage',
          message: `--map "${spec}": expected FIELD=COLUMN with FIELD one of ${IMPORT_FIELDS.join(', ')} (or ${Object.keys(FIELD_ALIASES).join(', ')})`,
        },
      ]);
    }
    const column = spec.slice(eq + 1).trim();
    out[field] = column === '' ? null : column;
  }
  return out;
}

/**
 * The column each field is read from: `--map` first (exact name, else the folded one, else a
 * dotted path into JSON records), then the presets. A column feeds one field at most.
 */
export function resolveMapping(columns: readonly string[], overrides: FieldMapping = {}): { mapping: FieldMapping; unknownColumns: Array<[ImportField, string]> } {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(columnKey(c))) byKey.set(columnKey(c), c);
  const mapping: FieldMapping = {};
  const used = new Set<string>();
  const unknownColumns: Array<[ImportField, string]> = [];
  for (const field of IMPORT_FIELDS) {
    if (!(field in overrides)) continue;
    const wanted = overrides[field];
    if (wanted === null || wanted === undefined) continue;
    const column = columns.includes(wanted) ? wanted : (byKey.get(columnKey(wanted)) ?? (wanted.includes('.') ? wanted : undefined));
    if (column === undefined) unknownColumns.push([field, wanted]);
    else {
      mapping[field] = column;
      used.add(column);
    }
  }
  for (const field of IMPORT_FIELDS) {
    if (field in overrides) continue;
    const column = PRESET_COLUMNS[field].map((k) => byKey.get(k)).find((c) => c !== undefined && !used.has(c));
    if (column !== undefined) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return { mapping, unknownColumns };
}
