// Writes dist/main.cjs.cache: V8's code cache for the bundle, taken after running the
// commands people run most on the example scenarios, so that it holds the functions
// they compile too. bin/deal-model.js hands it to vm.Script; V8 checks that it was
// made from the same source by the same V8 and otherwise compiles as usual.
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join, resolve } = require('node:path');
const { Script } = require('node:vm');

const root = resolve(__dirname, '..');
const file = join(root, 'dist', 'main.cjs');
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, join(root, 'dist'));

const sink = { write: () => true };
const ctx = { env: {}, stdin: [], stdout: sink, stderr: sink, stdoutIsTTY: false, stderrIsTTY: false };
const scenario = (name) => join(root, 'scenarios', `${name}.yaml`);
const runs = [
  ['project', scenario('colossus-1'), '--format', 'json'],
  ['project', scenario('colossus-1')],
  ['project', scenario('gpu-cluster-anniversary'), '--format', 'csv'],
  ['terminate', scenario('colossus-1')],
  ['validate', scenario('mid-month-calendar')],
];
(async () => {
  for (const args of runs) {
    const code = await bundle.exports.main(args, ctx);
    if (code !== 0) throw new Error(`code cache warm-up: deal-model ${args.join(' ')} exited ${code}`);
  }
  writeFileSync(`${file}.cache`, script.createCachedData());
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
