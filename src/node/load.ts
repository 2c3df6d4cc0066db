import { readdirSync, statSync } from 'node:fs';
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

/** Every file under a directory, with paths relative to it using `/`. */
export function readPackDir(dir: string, prefix = ''): PackFile[] {
  const out: PackFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|json|jsonl|ndjson|csv)$/i.test(name)) out.push({ path: prefix + relative(dir, full).split(sep).join('/'), text: readTextFile(full, 'rules') });
    }
  };
  walk(dir);
  return out;
}

/** Loads a rule-pack directory, on top of another rule set (the built-in packs, usually). */
export function loadRulePackDir(dir: string, base?: RuleSet): RuleSet {
  return loadRuleSet(readPackDir(dir, dir.replace(/[\\/]+$/, '') + '/'), base);
}
