import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { LoadedConfig } from '../config.js';
import { parseConfig } from '../config.js';
import { VigieInputError, type InputIssue } from '../errors.js';
import { loadConfigFile } from '../node/load.js';
import type { CliIO } from './command.js';

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

/**
 * Reads the deployments named on the command line: files, directories (every YAML or JSON file
 * under them) and `-` for standard input. Every invalid input is reported before any evaluation.
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
    for (const file of files) attempt(() => loadConfigFile(file));
  }
  if (issues.length) throw new VigieInputError('config', issues);
  return configs;
}
