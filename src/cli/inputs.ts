import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { LoadedConfig } from '../config.js';
import { parseConfig } from '../config.js';
import { VigieInputError, type InputIssue } from '../errors.js';
import { loadConfigFile } from '../node/load.js';
import { readTextFile } from '../node/read.js';
import { parseSource } from '../parse/source.js';
import { deploymentSchema } from '../schema/deployment-schema.js';
import type { CliIO } from './command.js';
import { oneLine } from './one-line.js';

/** The name findings give to a deployment read from standard input. */
export const STDIN_NAME = '<stdin>';

const DEPLOYMENT_FILE = /\.(ya?ml|json)$/i;

const typeKnown = (e: Dirent) => e.isFile() || e.isDirectory() || e.isSymbolicLink() || e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice();

function statOrUndefined(file: string, stat: (f: string) => Stats): Stats | undefined {
  try {
    return stat(file);
  } catch {
    return undefined;
  }
}
const lstatOrUndefined = (file: string) => statOrUndefined(file, lstatSync);

const fsError = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error';

/**
 * Every deployment file under a directory, recursively, in sorted order (dot folders and
 * node_modules skipped), and a located `io` issue for each folder that cannot be read.
 * Symbolic links to directories are not followed, so that a link loop (`/bin/X11 -> .`) or a
 * link to `/` cannot make the walk endless; a link to a file is read like the file.
 */
export function deploymentFilesIn(dir: string): { files: string[]; issues: InputIssue[] } {
  const files: string[] = [];
  const issues: InputIssue[] = [];
  const walk = (at: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch (e) {
      issues.push({ code: 'io', message: `cannot read the directory (${fsError(e)})`, location: { file: at, line: 1, column: 1 } });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = at.endsWith('/') ? at + name : join(at, name);
      // Some file systems do not give the type in the listing: ask without following links.
      const type = typeKnown(entry) ? entry : lstatOrUndefined(full);
      if (type?.isDirectory()) walk(full);
      else if (!DEPLOYMENT_FILE.test(name)) continue;
      else if (type?.isFile()) files.push(full);
      else if (type?.isSymbolicLink()) {
        // Not followed to a directory; a broken or looping link is listed, and loadConfigFile
        // reports it, located. Pipes and devices met in a walk are not deployments: not read.
        const target = statOrUndefined(full, statSync);
        if (!target || target.isFile()) files.push(full);
      }
    }
  };
  walk(dir);
  return { files, issues };
}

/** A deployment's sections: its top-level keys but `$schema` and `name`, which other files have too. */
const DEPLOYMENT_SECTIONS = Object.keys(deploymentSchema.properties).filter((k) => k !== '$schema' && k !== 'name');

/**
 * Why a file found in a directory, which is not a valid deployment, is not meant as one at all (a
 * CI configuration, a report, a waivers file): its top level is not a mapping, or states none of a
 * deployment's sections. Undefined when it may be a deployment (then its errors are reported), or
 * when it cannot be read or parsed (then it cannot be told apart from a broken deployment).
 */
function notADeployment(file: string): string | undefined {
  let data: unknown;
  try {
    data = parseSource(readTextFile(file, 'config'), { file }).data;
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object') return `its top level is ${data === null ? 'null' : `a ${typeof data}`}, not a mapping`;
  if (Array.isArray(data)) return 'its top level is a list, not a mapping';
  const keys = Object.keys(data);
  if (keys.some((k) => DEPLOYMENT_SECTIONS.includes(k))) return undefined;
  const shown = keys.length > 6 ? [...keys.slice(0, 6), '…'] : keys;
  return `none of its top-level keys (${shown.join(', ') || 'none'}) is a deployment section such as cameras or recording`;
}

/**
 * Reads the deployments named on the command line: files, directories (every YAML or JSON file
 * under them that is a deployment) and `-` for standard input. Every invalid input is reported
 * before any evaluation.
 */
export function loadDeployments(args: string[], io: CliIO): LoadedConfig[] {
  const configs: LoadedConfig[] = [];
  const issues: InputIssue[] = [];
  const attempt = (load: () => LoadedConfig) => {
    try {
      configs.push(load());
    } catch (e) {
      if (e instanceof VigieInputError) issues.push(...e.issues);
      else throw e;
    }
  };
  let stdinRead = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinRead) throw new VigieInputError('usage', [{ code: 'usage', message: '"-" (standard input) is named twice' }]);
      stdinRead = true;
      attempt(() => parseConfig(io.readStdin(), { file: STDIN_NAME }));
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // A missing path is reported by loadConfigFile, located like any unreadable file.
    }
    if (!isDir) {
      attempt(() => loadConfigFile(arg));
      continue;
    }
    const { files, issues: unreadable } = deploymentFilesIn(arg);
    issues.push(...unreadable);
    if (files.length === 0 && unreadable.length === 0) issues.push({ code: 'io', message: 'the directory holds no .yaml, .yml or .json file', location: { file: arg, line: 1, column: 1 } });
    // A directory also holds files that are not deployments (CI configurations, reports): each is
    // skipped with a note saying why. One that may be a deployment is checked, its errors reported.
    let found = 0;
    let skipped = 0;
    for (const file of files) {
      try {
        configs.push(loadConfigFile(file));
        found++;
      } catch (e) {
        if (!(e instanceof VigieInputError)) throw e;
        const why = notADeployment(file);
        if (why === undefined) {
          issues.push(...e.issues);
          found++;
        } else {
          io.stderr(`vigie: note: ${oneLine(`${file} skipped: not a deployment, ${why}; name the file itself to check it as one`)}\n`);
          skipped++;
        }
      }
    }
    if (found === 0 && skipped > 0) {
      issues.push({ code: 'io', message: `the directory holds no deployment: ${skipped === 1 ? 'its one .yaml, .yml or .json file is not one' : `none of its ${skipped} .yaml, .yml and .json files is one`}`, location: { file: arg, line: 1, column: 1 } });
    }
  }
  if (issues.length) throw new VigieInputError('config', issues);
  return configs;
}
