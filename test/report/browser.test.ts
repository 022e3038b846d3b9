/**
 * deal-model report (SPEC §13) in a real browser: Debian's chromium driven
 * by playwright-core (no browser download). For every example: no console
 * error, no request leaves the page, the headline figures are the CLI's
 * JSON figures, axe-core finds no violation, screenshots at 1280 and 375 px
 * are not blank, and the page prints to PDF on A4.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { run, ROOT } from '../cli/run.js';
import { exampleScenarios, examplePortfolios } from '../support/examples.js';
import { decodePng, pixelStats } from '../chart/png.js';

const CHROMIUM = '/usr/bin/chromium';
const required = process.env.DEAL_MODEL_REQUIRE_TOOLS === '1';
if (required && !existsSync(CHROMIUM)) throw new Error('chromium is required here (DEAL_MODEL_REQUIRE_TOOLS=1) but not installed: .ci/run installs it with apt-get');
const available = existsSync(CHROMIUM);
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'deal-model-report-'));
const group = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const money = (s: string): string => {
  const [int, dec] = s.split('.');
  return `${group(int!)}.${dec}`;
};

describe.skipIf(!available)('the report in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const files = [...exampleScenarios(), ...examplePortfolios()];
  it.each(files)('%s: no error, no request, the CLI figures, no axe violation, screenshots, A4 PDF', async (name) => {
    const file = `scenarios/${name}`;
    const target = join(dir, name.replace(/\.yaml$/, '.html'));
    const r = run(['report', file, '-o', target]);
    expect(r.status, r.stderr).toBe(0);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${target}`);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);

    // the headline figures, as the CLI's JSON prints them
    const text = (await page.textContent('body')) ?? '';
    const portfolio = examplePortfolios().includes(name);
    if (portfolio) {
      const j = JSON.parse(run(['portfolio', file, '--format', 'json']).stdout);
      for (const v of [j.totals.total, j.totals.npv, j.totals.committed]) expect(text).toContain(money(v));
    } else {
      const p = JSON.parse(run(['project', file, '--format', 'json']).stdout);
      expect(text).toContain(money(p.totals.fee));
      expect(text).toContain(money(p.totals.pv));
      const t = run(['terminate', file, '--format', 'json']);
      // a contract nobody may terminate has no sweep (terminate exits 3)
      if (t.status === 0) expect(text).toContain(money(JSON.parse(t.stdout).committed.total));
    }
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);

    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const png = await page.screenshot();
      const stats = pixelStats(decodePng(png));
      expect(stats.colours.size, `colours of the screenshot at ${width} px`).toBeGreaterThan(20);
      expect(stats.inkShare, `ink of the screenshot at ${width} px`).toBeGreaterThan(0.02);
      // at 375 px the page does not scroll sideways: wide tables scroll inside their regions
      if (width === 375) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    if (name === 'colossus-1.yaml' && process.env.UPDATE_GOLDEN === '1') {
      await page.setViewportSize({ width: 1280, height: 900 });
      writeFileSync(join(ROOT, 'docs/report-colossus-1.png'), await page.screenshot());
    }
    await page.close();
  }, 60_000);
});
