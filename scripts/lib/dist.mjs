// The scripts use the built library (dist/), the code users run. Builds it first when it is
// missing or older than the sources, as the tests do.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { newestMtime } from './newest.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');


/** `{ core, node }`: the modules of dist/index.js and dist/node.js. */
export async function loadDist() {
  const index = join(REPO, 'dist', 'index.js');
  const node = join(REPO, 'dist', 'node.js');
  const stale = !existsSync(index) || !existsSync(node) || statSync(index).mtimeMs < newestMtime(join(REPO, 'src'));
  if (stale) {
    console.error('dist/ is missing or older than src/: building it (npm run build)');
    execSync('npm run build', { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const [core, nodeApi] = await Promise.all([import(pathToFileURL(index).href), import(pathToFileURL(node).href)]);
  return { core, node: nodeApi };
}
