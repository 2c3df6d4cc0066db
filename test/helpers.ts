import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DIR = join(ROOT, 'rules');
export const CLI = join(ROOT, 'dist', 'cli.js');

export const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

/** Runs the built CLI as a child process, as a user or a CI job would. */
export function runVigie(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // A JSON report on a city's hundreds of cameras runs to megabytes; the default 1 MB cuts it.
    maxBuffer: 256 * 1024 * 1024,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Rule folders of the built-in packs: `rules/<pack>/<id>/rule.yaml`. */
export function ruleFolders(): Array<{ pack: string; id: string; dir: string }> {
  const out: Array<{ pack: string; id: string; dir: string }> = [];
  for (const pack of readdirSync(RULES_DIR)) {
    const packDir = join(RULES_DIR, pack);
    if (!statSync(packDir).isDirectory()) continue;
    for (const id of readdirSync(packDir)) {
      const dir = join(packDir, id);
      if (statSync(dir).isDirectory() && id !== 'parameters') out.push({ pack, id, dir });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
