import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: no Node.js built-in, so it bundles for browsers too.
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    external: ['node:fs', 'node:path', 'node:url', 'node:util', 'node:readline', 'node:stream'],
    // The dozen date-fns functions vigie uses, bundled: importing the package loads every one of
    // its hundreds of modules, about 0.15 s at every start.
    noExternal: ['date-fns'],
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    noExternal: ['date-fns'],
  },
]);
