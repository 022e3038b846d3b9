#!/usr/bin/env node
// A shim over the bundled CLI (dist/main.js). `--version` alone is answered
// here, without loading the program: a version check should cost no more
// than starting Node.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  const { run } = await import('../dist/main.js');
  await run();
}
