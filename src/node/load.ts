import { readdirSync, statSync, type Dirent } from 'node:fs';
import { VigieInputError } from '../errors.js';
import { join, relative, sep } from 'node:path';
import { parseConfig, type LoadedConfig } from '../config.js';
import type { PackFile } from '../packs/files.js';
import { loadRuleSet } from '../packs/load.js';
import type { RuleSet } from '../packs/rule-set.js';
import { readTextFile } from './read.js';

/** Reads and validates a deployment file (YAML or JSON). */
export function loadConfigFile(file: string): LoadedConfig {
  return parseConfig(readTextFile(file, 'config'), { file });
}

/**
 * Every file under a directory, with paths relative to it using `/`. Symbolic links to directories
 * are not followed (a link loop would never end); unreadable entries are located input errors.
 */
export function readPackDir(dir: string, prefix = ''): PackFile[] {
  const out: PackFile[] = [];
  const walk = (d: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw new VigieInputError('rules', [{ code: 'io', message: `cannot read the directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`, location: { file: d, line: 1, column: 1 } }]);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.isSymbolicLink() || !isDirectory(full)) {
        if (/\.(ya?ml|json|jsonl|ndjson|csv)$/i.test(entry.name)) out.push({ path: prefix + relative(dir, full).split(sep).join('/'), text: readTextFile(full, 'rules') });
      }
    }
  };
  walk(dir);
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Loads a rule-pack directory, on top of another rule set (the built-in packs, usually). */
export function loadRulePackDir(dir: string, base?: RuleSet): RuleSet {
  return loadRuleSet(readPackDir(dir, dir.replace(/[\\/]+$/, '') + '/'), base);
}
