// The newest modification time of any file under a directory: the build is redone when sources are newer.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newestMtime(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    t = Math.max(t, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return t;
}
