/** deal-model report (SPEC §13) without a browser: the same bytes anywhere, text escaped, every input and file listed. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { golden, ROOT, run } from '../cli/run.js';

const SEED = 'scenarios/colossus-1.yaml';
const dir = mkdtempSync(join(tmpdir(), 'deal-model-report-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report', () => {
  it('is the same bytes under any time zone and locale, and matches its golden file', () => {
    const r = run(['report', SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(r.stdout).toBe(golden('report/colossus-1.html', r.stdout));
    const envs: Record<string, string>[] = [{ TZ: 'Pacific/Kiritimati' }, { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }];
    for (const env of envs) {
      expect(run(['report', SEED], { env }).stdout).toBe(r.stdout);
    }
  });

  it('-o writes the same page atomically to a .html file; another extension is exit 2', () => {
    const target = join(dir, 'seed.html');
    expect(run(['report', SEED, '-o', target]).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(run(['report', SEED]).stdout);
    const bad = run(['report', SEED, '-o', join(dir, 'seed.pdf')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/the report is written to a \.html file/);
  });

  it('escapes every text from the scenario: a name holding <script> is text, not markup', () => {
    const file = join(dir, 'evil.yaml');
    writeFileSync(file, `extends: ${join(ROOT, SEED)}\nname: "<script>alert('x')</script> & <b>bold</b>"\nparties: { provider: "<img src=x onerror=alert(1)>" }\n`);
    const page = run(['report', file]).stdout;
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(page).not.toMatch(/<link|<script|src=["']?http|@import|url\(/i);
  });

  it('lists every input with its file and line, and the SHA-256 of every input file', () => {
    const page = run(['report', 'scenarios/colossus-1-escalated.yaml']).stdout;
    expect(page).toContain('<th scope="row">pricing.monthly_fee</th><td>1.25B</td><td>scenarios/colossus-1.yaml:23</td>');
    expect(page).toContain('<th scope="row">pricing.escalation.rate</th><td>3%</td><td>scenarios/colossus-1-escalated.yaml:7</td>');
    for (const f of ['scenarios/colossus-1-escalated.yaml', 'scenarios/colossus-1.yaml']) {
      const sha = createHash('sha256').update(readFileSync(join(ROOT, f))).digest('hex');
      expect(page).toContain(`<li><code>${f}</code>: <code>${sha}</code></li>`);
    }
    const book = run(['report', 'scenarios/neocloud-portfolio.yaml']).stdout;
    for (const f of ['scenarios/neocloud-portfolio.yaml', 'scenarios/colossus-1.yaml', 'scenarios/contracts/lab-b.yaml', 'scenarios/contracts/lab-c.yaml']) expect(book).toContain(`<li><code>${f}</code>`);
  });

  it('--tornado adds the tornado section; a bad PCT is exit 2 before anything is read', () => {
    const page = run(['report', 'scenarios/colossus-1-provider.yaml', '--tornado', '10%']).stdout;
    expect(page).toContain('<h2 id="tornado-h">Tornado</h2>');
    expect(page).toContain('pricing.monthly_fee');
    expect(run(['report', 'no-such.yaml', '--tornado', '10']).status).toBe(2);
  });
});
