/**
 * Real tools some tests check exports with (gnumeric's ssconvert, rsvg-convert,
 * zsh). Without one, those tests skip with the reason, except where
 * DEAL_MODEL_REQUIRE_TOOLS=1 (.ci/run sets it after installing them): there
 * a missing tool fails the test instead of hiding it.
 */
import { spawnSync } from 'node:child_process';

export function hasTool(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.DEAL_MODEL_REQUIRE_TOOLS === '1') {
    throw new Error(`${name} is required here (DEAL_MODEL_REQUIRE_TOOLS=1) but not installed: .ci/run installs it with apt-get`);
  }
  return found;
}
