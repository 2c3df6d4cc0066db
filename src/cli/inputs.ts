import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedConfig } from '../config.js';
import { parseConfig } from '../config.js';
import { VigieInputError, type InputIssue } from '../errors.js';
import { loadConfigFile } from '../node/load.js';
import type { CliIO } from './command.js';

/** The name findings give to a deployment read from standard input. */
export const STDIN_NAME = '<stdin>';

const DEPLOYMENT_FILE = /\.(ya?ml|json)$/i;

/** Every deployment file under a directory, recursively, in sorted order (dot folders and node_modules skipped). */
export function deploymentFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const full = dir.endsWith('/') ? dir + name : join(dir, name);
    if (statSync(full).isDirectory()) out.push(...deploymentFilesIn(full));
    else if (DEPLOYMENT_FILE.test(name)) out.push(full);
  }
  return out;
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
    const files = deploymentFilesIn(arg);
    if (files.length === 0) issues.push({ code: 'io', message: 'the directory holds no .yaml, .yml or .json file', location: { file: arg, line: 1, column: 1 } });
    for (const file of files) attempt(() => loadConfigFile(file));
  }
  if (issues.length) throw new VigieInputError('config', issues);
  return configs;
}
