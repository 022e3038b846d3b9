#!/usr/bin/env node
// A shim over the bundled CLI (dist/main.cjs), CommonJS (see bin/package.json)
// because Node 20 starts a CommonJS file faster than an ES module.
// `--version` alone is answered here, without loading the program: a version
// check should cost no more than starting Node. The bundle is compiled with
// V8's code cache when the build left one beside it (dist/main.cjs.cache);
// V8 ignores a cache made by another version of itself and compiles as usual.
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const { readFileSync } = require('node:fs');
  const Module = require('node:module');
  const { join } = require('node:path');
  const { Script } = require('node:vm');

  const dir = join(__dirname, '..', 'dist');
  const file = join(dir, 'main.cjs');
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // no cache: compile as usual
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dir);
  // import() works here, not inside the vm.Script: the bundle imports exceljs and vega through it
  bundle.exports.run((specifier) => import(specifier));
}
