// Runs the examples of README.md, as CI must: the shell commands of the Quick start's first
// block (from the build on, since CI has installed already) and the library example.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function block(marker) {
  const at = readme.indexOf(`<!-- ${marker} -->`);
  if (at < 0) throw new Error(`README.md has no <!-- ${marker} --> block`);
  const m = /```(\w+)\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!m) throw new Error(`no code block after <!-- ${marker} -->`);
  return m[2];
}

const quickstart = block('quickstart').trim().split('\n').filter((l) => l.trim() && !l.startsWith('#'));
if (quickstart.length !== 2) throw new Error(`the Quick start must hold exactly two commands, found ${quickstart.length}`);
// The first command installs then runs vigie; CI has installed, so run what follows `npm ci &&`.
const run = quickstart[0].replace(/^.*?npm ci\s*&&\s*/, '');
console.log(`$ ${run}`);
execSync(run, { cwd: root, stdio: 'inherit' });

const dir = mkdtempSync(join(root, '.readme-example-'));
try {
  const file = join(dir, 'example.mjs');
  writeFileSync(file, block('library-example'));
  console.log('$ node <README library example>');
  execSync(`node ${JSON.stringify(file)}`, { cwd: root, stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
