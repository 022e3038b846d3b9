/**
 * The packages only `export` and `chart` use (exceljs, vega, vega-lite) stay
 * outside the bundle and are imported when one of those commands runs, so
 * no other command pays for them. The bundle runs inside a vm.Script (for
 * V8's code cache, see bin/deal-model.js), where import() has no module
 * loader on Node 20 without an experimental flag; the bin hands in its own
 * import(), which resolves from the installed package. Tests and other
 * callers outside the bundle use import() itself.
 */
export type Importer = (specifier: string) => Promise<unknown>;

let importer: Importer = (specifier) => import(specifier);

export function useImporter(load: Importer): void {
  importer = load;
}

export type LazyPackage = 'exceljs' | 'vega' | 'vega-lite';

export function importPackage<T>(name: LazyPackage): Promise<T> {
  return importer(name) as Promise<T>;
}
