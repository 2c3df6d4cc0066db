import { VigieInputError } from '../errors.js';
import { parseSource, type ParsedSource } from '../parse/source.js';
import { deploymentSchema } from '../schema/deployment-schema.js';
import { validateAgainst } from '../schema/validate.js';

/** The schema of camera defaults: a camera without `id`, as in a deployment's `cameraDefaults`. */
const cameraDefaultsSchema = deploymentSchema.properties.cameraDefaults;

/** Checks camera defaults against the camera schema; throws located issues (with file:line when parsed from text). */
export function checkCameraDefaults(data: unknown, source?: ParsedSource): Record<string, unknown> {
  const issues = validateAgainst(cameraDefaultsSchema, data, source);
  if (issues.length > 0) throw new VigieInputError('config', issues);
  return data as Record<string, unknown>;
}

/**
 * Reads a defaults file (YAML or JSON): what a city knows for all its cameras (retention,
 * audio, analytics, public road…), in the shape of a camera without id.
 */
export function parseCameraDefaults(text: string, options: { file?: string } = {}): Record<string, unknown> {
  const source = parseSource(text, { file: options.file, kind: 'config' });
  return checkCameraDefaults(source.data, source);
}
