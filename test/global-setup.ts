import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { newestMtime as newest } from '../scripts/lib/newest.mjs';
import { join } from 'node:path';
import { CLI, ROOT } from './helpers.js';


/** Tests of the CLI and the bundle run the built package: build it when it is missing or stale. */
export default function setup(): void {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  if (built < Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'rules')))) {
    execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  }
}
