import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT } from './helpers.js';

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    t = Math.max(t, st.isDirectory() ? newest(full) : st.mtimeMs);
  }
  return t;
}

/** Tests of the CLI and the bundle run the built package: build it when it is missing or stale. */
export default function setup(): void {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  if (built < Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'rules')))) {
    execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  }
}
