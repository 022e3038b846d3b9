'use strict';
/**
 * Stands in for string-width@4 inside the bundle (scripts/build.mjs aliases
 * it): cli-table3 0.6 measures every cell several times, and string-width@4
 * builds two large regular expressions (ansi-regex, emoji-regex) on every
 * call, about 15 ms of a 36-row table's first render. A string of printable
 * ASCII is as wide as it is long; everything else goes to string-width
 * itself, so the result is always string-width's (test/report/string-width.test.ts).
 */
const stringWidth = require('../../node_modules/string-width/index.js');

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

module.exports = (string) => (typeof string === 'string' && PRINTABLE_ASCII.test(string) ? string.length : stringWidth(string));
