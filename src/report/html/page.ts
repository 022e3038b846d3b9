/**
 * The report page (SPEC §13): one self-contained HTML document. Styles and
 * charts are inline, nothing is loaded from anywhere and no script is
 * needed to read it; one h1, headings in order, tables with header cells,
 * every chart a figure with a title, a description and a caption. Its bytes
 * depend only on the inputs (no date, no locale).
 */
import type { Provenance } from '../../scenario/resolve.js';
import { html, raw, type Html } from './escape.js';
import { STYLE, VISUALLY_HIDDEN } from './style.js';
import { dataTable } from './tables.js';

export interface PageSection {
  readonly id: string;
  readonly title: string;
  readonly body: Html;
}

export interface InputFile {
  readonly file: string;
  readonly sha256: string;
}

export interface Page {
  readonly title: string;
  readonly lede: string;
  readonly sections: readonly PageSection[];
  readonly inputs: readonly { readonly title: string; readonly values: readonly Provenance[] }[];
  readonly files: readonly InputFile[];
  readonly version: string;
}

/** A chart of `deal-model chart` as a figure: the SVG named by its own <title> and <desc>, with a caption. */
export function chartFigure(svg: string, caption: string): Html {
  const id = `chart-${caption.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  // the SVG's <title> names it for assistive technology; role="img" makes it one image with that name
  const labelled = svg.replace(/^<svg\b/, `<svg role="img" aria-labelledby="${id}-title ${id}-desc"`).replace('<title>', `<title id="${id}-title">`).replace('<desc>', `<desc id="${id}-desc">`);
  return html`<figure>${raw(labelled)}<figcaption>${caption}</figcaption></figure>`;
}

const INPUT_COLUMNS = [
  { key: 'path', label: 'Key', kind: 'text' as const },
  { key: 'value', label: 'Value as written', kind: 'text' as const },
  { key: 'source', label: 'From', kind: 'text' as const },
];

export function renderPage(page: Page): string {
  const inputs = page.inputs.map(
    (group) => html`<h3>${group.title}</h3>${dataTable(`Inputs: ${group.title}`, INPUT_COLUMNS, group.values.map((v) => ({ path: v.path, value: v.value, source: v.line === undefined ? v.file : `${v.file}:${v.line}` })))}`,
  );
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="deal-model ${page.version}">
<title>${page.title}</title>
<style>${raw(STYLE)}${raw(VISUALLY_HIDDEN)}</style>
</head>
<body>
<header>
<h1>${page.title}</h1>
<p class="lede">${page.lede}</p>
<nav aria-label="Contents"><p>${page.sections.map((s, i) => html`${i > 0 ? ' · ' : ''}<a href="#${s.id}">${s.title}</a>`)} · <a href="#inputs">Inputs</a></p></nav>
</header>
<main>
${page.sections.map((s, i) => html`<section id="${s.id}"${i === 0 ? raw(' class="headline"') : ''} aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${s.title}</h2>
${s.body}
</section>
`)}<section id="inputs" aria-labelledby="inputs-h"><h2 id="inputs-h">Inputs</h2>
<p class="note">Every value as written, with the file and line it came from (or the --set option that set it); defaults are not listed.</p>
${inputs}
</section>
</main>
<footer>
<p>Made by deal-model ${page.version}. Input files and their SHA-256:</p>
<ul>${page.files.map((f) => html`<li><code>${f.file}</code>: <code>${f.sha256}</code></li>`)}</ul>
</footer>
</body>
</html>
`;
  return doc.text;
}
