/** The example files under scenarios/: scenarios, and portfolios (a top-level `portfolio:` key, SPEC §10). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const isPortfolio = (name: string): boolean => /^portfolio[ \t]*:/m.test(readFileSync(join(DIR, name), 'utf8'));
const all = (): string[] => readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

/** Scenario files (names without the folder), sorted. */
export const exampleScenarios = (): string[] => all().filter((f) => !isPortfolio(f));
/** Portfolio files (names without the folder), sorted. */
export const examplePortfolios = (): string[] => all().filter(isPortfolio);
