import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { VigieInputError } from '../../errors.js';
import { importInventory } from '../../import/import-inventory.js';
import { parseCameraDefaults } from '../../import/defaults.js';
import { parseFieldMapping } from '../../import/mapping.js';
import { INVENTORY_FORMATS, type ImportWarning, type InventoryFormat } from '../../import/types.js';
import { importedDeploymentToYaml } from '../../import/yaml.js';
import { readTextFile } from '../../node/read.js';
import { oneOf, parseCommandArgs, usageError } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../exit-codes.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'turn a camera inventory (CSV, GeoJSON, OpenDataSoft export) into a deployment file',
  help: `Usage: vigie import [options] FILE

Reads a camera inventory, such as a city's open data, and writes a deployment (YAML) that
"vigie check" can evaluate. Only what the inventory states is written; everything else is left
out on purpose, so the check reports it as undetermined until it is documented.

Options:
  --from csv|geojson|ods  format of FILE (default: from its extension; .json is read as
                          GeoJSON when it is a FeatureCollection, else as OpenDataSoft records)
  --map FIELD=COLUMN      read FIELD from COLUMN (repeatable; FIELD= ignores a column).
                          Fields: id, name, address, placement, commune, latitude, longitude,
                          owner, operator, commissioned, notes
  --delimiter CHAR        CSV delimiter (default: sniffed; "tab" for a tab)
  --defaults FILE         YAML or JSON camera settings known for every camera (retention,
                          audio, analytics…), written as cameraDefaults
  --name TEXT             name of the deployment
  -o, --output FILE       where to write the deployment (default, or "-": standard output)
  --force                 overwrite FILE given to --output if it exists
  --strict                exit 1 when there are warnings (the deployment is still written)

Warnings (doubtful or skipped rows, by row and line) go to standard error. Exit codes:
0 imported, 1 imported with warnings under --strict, 2 unreadable input or usage error.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: 'string' },
      map: { type: 'string', multiple: true },
      delimiter: { type: 'string' },
      defaults: { type: 'string' },
      name: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw usageError(positionals.length === 0 ? 'no inventory file given' : 'give one inventory file');
    const file = positionals[0]!;
    const output = values.output === undefined || values.output === '-' ? undefined : values.output;
    if (output !== undefined) checkOutput(output, file, Boolean(values.force));

    const text = file === '-' ? io.readStdin() : readTextFile(file, 'config');
    const from = oneOf('from', values.from, INVENTORY_FORMATS) ?? guessFormat(file, text);
    const defaults = values.defaults === undefined ? undefined : parseCameraDefaults(readTextFile(values.defaults, 'config'), { file: values.defaults });
    const source = file === '-' ? undefined : file;

    const result = importInventory(text, {
      from,
      map: parseFieldMapping(values.map ?? []),
      delimiter: delimiterOf(values.delimiter),
      defaults,
      file: source,
      name: values.name,
    });
    const yaml = importedDeploymentToYaml(result, { source: source && basename(source), defaults: values.defaults && basename(values.defaults) });

    for (const w of result.warnings) io.stderr(`vigie: warning: ${formatWarning(w, source)}\n`);
    if (output === undefined) io.stdout(yaml);
    else {
      try {
        writeFileSync(output, yaml);
      } catch (e) {
        throw new VigieInputError('usage', [{ code: 'io', message: `cannot write ${output} (${(e as NodeJS.ErrnoException).code ?? 'error'})` }]);
      }
    }
    const { stats } = result;
    const n = result.warnings.length;
    io.stderr(
      `vigie: imported ${stats.cameras} camera${stats.cameras === 1 ? '' : 's'} from ${stats.rows} row${stats.rows === 1 ? '' : 's'}` +
        ` (${stats.skipped} skipped) into ${output ?? 'standard output'}; ${n} warning${n === 1 ? '' : 's'}\n`,
    );
    return values.strict && n > 0 ? EXIT.findings : EXIT.ok;
  },
};

/** `FILE:LINE: row N (field): message [code]`, the row being the data row (header excluded). */
export function formatWarning(w: ImportWarning, file: string | undefined): string {
  const where = [file ?? '<stdin>', w.line].filter((x) => x !== undefined).join(':');
  const row = w.row !== undefined ? ` row ${w.row}${w.field ? ` (${w.field})` : ''}:` : w.field ? ` ${w.field}:` : '';
  return `${where}:${row} ${w.message} [${w.code}]`;
}

function delimiterOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value === 'tab' || value === '\\t' ? '\t' : value;
}

function guessFormat(file: string, text: string): InventoryFormat {
  if (/\.(csv|tsv|txt)$/i.test(file)) return 'csv';
  if (/\.geojson$/i.test(file)) return 'geojson';
  if (/\.json$/i.test(file)) return /"type"\s*:\s*"FeatureCollection"/.test(text.slice(0, 4096)) ? 'geojson' : 'ods';
  throw usageError(`cannot tell the format of ${file === '-' ? 'standard input' : file} from its name: give --from ${INVENTORY_FORMATS.join('|')}`);
}

/** Never overwrite the inventory itself, nor an existing file unless asked to. */
function checkOutput(output: string, input: string, force: boolean): void {
  if (!existsSync(output)) return;
  const same = input !== '-' && existsSync(input) && realpathSync(output) === realpathSync(resolve(input));
  if (same) throw usageError(`--output ${output} is the inventory itself; choose another file`);
  if (!force) throw usageError(`${output} exists; use --force to overwrite it`);
}

