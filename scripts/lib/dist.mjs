// The scripts use the built library (dist/), the code users run. Builds it first when it is
// missing or older than the sources, as the tests do.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    t = Math.max(t, st.isDirectory() ? newest(full) : st.mtimeMs);
  }
  return t;
}

/** `{ core, node }`: the modules of dist/index.js and dist/node.js. */
export async function loadDist() {
  const index = join(REPO, 'dist', 'index.js');
  const node = join(REPO, 'dist', 'node.js');
  const stale = !existsSync(index) || !existsSync(node) || statSync(index).mtimeMs < newest(join(REPO, 'src'));
  if (stale) {
    console.error('dist/ is missing or older than src/: building it (npm run build)');
    execSync('npm run build', { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const [core, nodeApi] = await Promise.all([import(pathToFileURL(index).href), import(pathToFileURL(node).href)]);
  return { core, node: nodeApi };
}
