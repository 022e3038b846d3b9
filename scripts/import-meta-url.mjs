// Injected by scripts/build.mjs into the CommonJS bundle, where import.meta does not exist:
// the bundle file's own URL (require and __filename are those of dist/main.cjs at run time).
export const import_meta_url = require('node:url').pathToFileURL(__filename).href;
