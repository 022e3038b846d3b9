#!/usr/bin/env node
// A shim over the bundled CLI (dist/main.cjs). `--version` alone is answered
// here, without loading the program: a version check should cost no more
// than starting Node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  await createRequire(import.meta.url)('../dist/main.cjs').run();
}
