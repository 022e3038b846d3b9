#!/usr/bin/env node
/**
 * Bundles the CLI with esbuild into one CommonJS file, dist/main.cjs, with
 * every dependency inlined. Measured on this machine, `project --format json`
 * started in about 163 ms from an ESM bundle split into chunks, 146 ms from
 * one ESM file and 137 ms from one CommonJS file (Node 20's CommonJS loader
 * has less to do per module), against 80 ms for `node -e 0`. The lazy
 * imports per command stay lazy: esbuild keeps each module's code behind an
 * initialiser that runs on first use. Then V8's code cache of the bundle is
 * written beside it. Type-checking is tsc's job (npm run build runs it
 * first). exceljs, vega and vega-lite stay outside the bundle (see
 * `external`), imported from node_modules by the two commands that use them.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

// The string-width stand-in (src/report/string-width.cjs) hands non-ASCII to
// node_modules/string-width: that must be the one cli-table3 itself loads,
// not a newer major hoisted there by another dependency.
const require = createRequire(import.meta.url);
const tables = require.resolve('string-width', { paths: [require.resolve('cli-table3')] });
if (tables !== require.resolve('../node_modules/string-width/index.js')) {
  throw new Error(`build: cli-table3 loads ${tables}, not node_modules/string-width: point src/report/string-width.cjs at it`);
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/main.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // DEAL_MODEL_BUILD_READABLE=1: not minified, so that node --cpu-prof names the functions
  minify: process.env.DEAL_MODEL_BUILD_READABLE !== '1',
  // no keepNames: it wraps every function expression, closures in hot loops included, in a
  // __name() call at run time (about 2% of a 1,000-file check); no code here reads a function's name
  legalComments: 'eof',
  // import.meta does not exist in CommonJS: give the bundle its own file URL
  inject: ['scripts/import-meta-url.mjs'],
  define: { 'import.meta.url': 'import_meta_url' },
  // loaded only by `export` and `chart`, through a real import() at run time:
  // inlining them would make every command parse them (exceljs alone ~250 ms)
  external: ['exceljs', 'vega', 'vega-lite'],
  // cli-table3's string-width, with a fast path for ASCII (see the file)
  alias: { 'string-width': './src/report/string-width.cjs' },
  logLevel: 'warning',
});

// V8's code cache of the bundle, warmed on the example scenarios (scripts/code-cache.cjs):
// about 35 ms less to start `project`, measured side by side
execFileSync(process.execPath, ['scripts/code-cache.cjs'], { stdio: 'inherit' });
