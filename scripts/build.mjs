#!/usr/bin/env node
/**
 * Bundles the CLI with esbuild into dist/: one small entry and a chunk per
 * lazily imported part (each command, the table renderer, chalk), with the
 * dependencies inlined, so start-up reads a few files instead of hundreds.
 * CommonJS dependencies inside the ESM bundle get a real `require` through
 * createRequire. Type-checking is tsc's job (npm run typecheck, run by build).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
