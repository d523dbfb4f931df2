import type { Plugin } from 'vite';

/**
 * The oldest Chrome Precall runs in (`minimum_chrome_version`): `sidePanel.open()` came in 116.
 * Every built-in below has been native since long before it.
 */
export const minimumChromeVersion = '116';

/**
 * jsforce's browser build is compiled by Babel for old browsers: each module imports core-js
 * polyfills (`core-js/modules/es.*`, which test and patch globals when evaluated) and
 * `@babel/runtime-corejs3` wrappers (`_concatInstanceProperty(list).call(list, …)`), about a
 * third of the worker's bytes, all evaluated every time the worker wakes. A Chrome that runs
 * Precall has every one of these built in, so the build resolves them to the native ones. The
 * tables list exactly what jsforce imports; anything else falls through to core-js unchanged
 * (heavier, never wrong).
 */
const nativeStatics: Record<string, string> = {
  'array/from': 'Array.from',
  'array/is-array': 'Array.isArray',
  'date/now': 'Date.now',
  'json/stringify': 'JSON.stringify',
  'object/define-properties': 'Object.defineProperties',
  'object/define-property': 'Object.defineProperty',
  'object/entries': 'Object.entries',
  'object/from-entries': 'Object.fromEntries',
  'object/get-own-property-descriptor': 'Object.getOwnPropertyDescriptor',
  'object/get-own-property-descriptors': 'Object.getOwnPropertyDescriptors',
  'object/get-own-property-names': 'Object.getOwnPropertyNames',
  'object/get-own-property-symbols': 'Object.getOwnPropertySymbols',
  'object/get-prototype-of': 'Object.getPrototypeOf',
  'object/keys': 'Object.keys',
  'object/values': 'Object.values',
  'parse-int': 'parseInt',
  promise: 'Promise',
  'reflect/construct': 'Reflect.construct',
  set: 'Set',
  'set-interval': 'setInterval',
  'set-timeout': 'setTimeout',
  symbol: 'Symbol',
  'symbol/to-primitive': 'Symbol.toPrimitive',
  url: 'URL',
  'url-search-params': 'URLSearchParams',
};

/** `instance/<name>`: Babel asks for the method of a value, then calls it on that value. */
const nativeInstanceMethods = new Set([
  'concat',
  'ends-with',
  'filter',
  'find',
  'for-each',
  'includes',
  'index-of',
  'keys',
  'map',
  'reduce',
  'reverse',
  'slice',
  'sort',
  'starts-with',
  'trim',
]);

/** Global polyfills jsforce imports for their side effect; each is native in Chrome 116. */
const nativeGlobalFeatures = new Set([
  'es.array.includes',
  'es.array.iterator',
  'es.array.join',
  'es.array.push',
  'es.array.sort',
  'es.error.cause',
  'es.function.name',
  'es.map',
  'es.number.constructor',
  'es.number.to-fixed',
  'es.object.keys',
  'es.object.to-string',
  'es.promise',
  'es.regexp.constructor',
  'es.regexp.dot-all',
  'es.regexp.exec',
  'es.regexp.sticky',
  'es.regexp.test',
  'es.regexp.to-string',
  'es.set',
  'es.string.includes',
  'es.string.match',
  'es.string.replace',
  'es.string.search',
  'es.string.split',
  'web.atob',
  'web.dom-exception.constructor',
  'web.dom-exception.stack',
  'web.dom-exception.to-string-tag',
  'web.self',
  'web.structured-clone',
]);

const prefix = '\0precall-native:';
const camel = (name: string) => name.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());

/** The native source for a polyfill module id, or null to leave the id to core-js. */
export function nativeModuleFor(id: string): string | null {
  const global = /^core-js\/modules\/([\w.-]+?)(?:\.js)?$/.exec(id);
  if (global) return nativeGlobalFeatures.has(global[1] as string) ? 'export {};' : null;
  if (id === '@babel/runtime-corejs3/core-js/global-this') return 'export default globalThis;';
  if (id === '@babel/runtime-corejs3/core-js/get-iterator-method') {
    return "export default (it) => it == null ? undefined : it[Symbol.iterator] ?? it['@@iterator'];";
  }
  const stable = /^@babel\/runtime-corejs3\/core-js-stable\/([\w/-]+?)(?:\.js)?$/.exec(id);
  if (!stable) return null;
  const path = stable[1] as string;
  const instance = /^instance\/([\w-]+)$/.exec(path);
  if (instance) {
    return nativeInstanceMethods.has(instance[1] as string)
      ? `export default (it) => it.${camel(instance[1] as string)};`
      : null;
  }
  const native = nativeStatics[path];
  return native ? `export default ${native};` : null;
}

/** Babel's helpers and regenerator without core-js behind them (`@babel/runtime`, same version line). */
export function plainBabelRuntimeFor(id: string): string | null {
  const helper = /^@babel\/runtime-corejs3\/helpers\/(?:esm\/)?(\w+)(?:\.js)?$/.exec(id);
  if (helper) return `@babel/runtime/helpers/esm/${helper[1]}`;
  if (id === '@babel/runtime-corejs3/regenerator') return '@babel/runtime/regenerator';
  return null;
}

export function nativeBuiltins(): Plugin {
  return {
    name: 'precall:native-builtins',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (nativeModuleFor(source) !== null) return prefix + source;
      const plain = plainBabelRuntimeFor(source);
      if (plain) return this.resolve(plain, importer, { ...options, skipSelf: true });
      return null;
    },
    load(id) {
      return id.startsWith(prefix) ? nativeModuleFor(id.slice(prefix.length)) : null;
    },
  };
}
