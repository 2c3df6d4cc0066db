import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import { parseConfig } from '../config.js';
import type { ImportResult } from './types.js';

const FORMAT_NAMES = { csv: 'CSV', geojson: 'GeoJSON', ods: 'OpenDataSoft records' } as const;

export interface ImportYamlOptions {
  /** Name of the inventory, for the header. */
  source?: string;
  /** Name of the defaults file, for the header. */
  defaults?: string;
}

/**
 * The imported deployment as YAML, with a header saying where it came from and why so little
 * is stated. Parsed and validated again before it is returned, so an invalid file is never written.
 */
export function importedDeploymentToYaml(result: ImportResult, options: ImportYamlOptions = {}): string {
  const { stats, warnings } = result;
  const from = options.source ? `${options.source} (${FORMAT_NAMES[stats.format]})` : `an inventory (${FORMAT_NAMES[stats.format]})`;
  const header = [
    ` Imported by \`vigie import\` from ${from}: ${stats.cameras} cameras from ${stats.rows} rows, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`,
    ' The inventory says where each camera stands and who owns and runs it. Everything it does',
    ' not say (retention, sound, analytics, masks, authorization…) is left out on purpose: it is',
    ' unknown, not false, and `vigie check` reports it as undetermined until it is documented here.',
  ];
  if (result.deployment.cameraDefaults !== undefined) {
    header.push(
      ` cameraDefaults${options.defaults ? ` come from ${options.defaults} and` : ''} apply to every camera,`,
      ' except where the camera states its own value (the inventory wins).',
    );
  }
  const doc = new Document(result.deployment);
  doc.commentBefore = header.join('\n');
  // One line per location and owner keeps a long inventory readable.
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && (pair.key.value === 'location' || pair.key.value === 'owner') && isMap(pair.value)) pair.value.flow = true;
    },
  });
  const text = doc.toString({ lineWidth: 0 });
  parseConfig(text);
  return text;
}
