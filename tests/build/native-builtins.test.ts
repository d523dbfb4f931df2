import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeModuleFor, plainBabelRuntimeFor } from '../../build/native-builtins';

const jsforceBrowser = new URL('../../node_modules/jsforce/browser/', import.meta.url).pathname;

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : [];
  });
}

/** Every polyfill module jsforce's browser build imports. */
function polyfillImports(): string[] {
  const ids = new Set<string>();
  for (const file of jsFiles(jsforceBrowser)) {
    for (const match of readFileSync(file, 'utf8').matchAll(
      /(?:from|import)\s+["']((?:core-js|@babel\/runtime-corejs3)\/[^"']+)["']/g,
    )) {
      ids.add(match[1] as string);
    }
  }
  return [...ids].sort();
}

describe('native built-ins for jsforce', () => {
  it.each([
    ['@babel/runtime-corejs3/core-js-stable/object/keys', 'export default Object.keys;'],
    ['@babel/runtime-corejs3/core-js-stable/promise', 'export default Promise;'],
    ['@babel/runtime-corejs3/core-js-stable/instance/starts-with', 'export default (it) => it.startsWith;'],
    ['@babel/runtime-corejs3/core-js-stable/instance/for-each', 'export default (it) => it.forEach;'],
    ['@babel/runtime-corejs3/core-js/global-this', 'export default globalThis;'],
    ['core-js/modules/es.regexp.exec.js', 'export {};'],
    ['core-js/modules/web.structured-clone', 'export {};'],
    // Not in the tables: left to core-js, heavier but right.
    ['core-js/modules/es.iterator.map.js', null],
    ['@babel/runtime-corejs3/core-js-stable/instance/flat-map', null],
    ['@babel/runtime-corejs3/core-js-stable/object/group-by', null],
    ['zod', null],
  ])('%s → %s', (id, native) => {
    expect(nativeModuleFor(id)).toBe(native);
  });

  it.each([
    ['@babel/runtime-corejs3/helpers/createClass', '@babel/runtime/helpers/esm/createClass'],
    ['@babel/runtime-corejs3/helpers/esm/inherits', '@babel/runtime/helpers/esm/inherits'],
    ['@babel/runtime-corejs3/regenerator', '@babel/runtime/regenerator'],
    ['@babel/runtime-corejs3/core-js-stable/promise', null],
  ])('Babel runtime %s → %s', (id, plain) => {
    expect(plainBabelRuntimeFor(id)).toBe(plain);
  });

  it('cover every polyfill the installed jsforce imports (a new one would bring core-js back)', () => {
    const imports = polyfillImports();
    expect(imports.length).toBeGreaterThan(50);
    const uncovered = imports.filter((id) => nativeModuleFor(id) === null && plainBabelRuntimeFor(id) === null);
    expect(uncovered).toEqual([]);
  });

  it('mean the same built-in in this runtime as core-js does', async () => {
    const list = [3, 1, 2];
    const instance = nativeModuleFor('@babel/runtime-corejs3/core-js-stable/instance/concat') as string;
    const concat = (await import(`data:text/javascript,${encodeURIComponent(instance)}`)).default as (
      it: number[],
    ) => typeof Array.prototype.concat;
    expect(concat(list).call(list, [4])).toEqual([3, 1, 2, 4]);
  });
});
