import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentScriptFiles } from '../../../demo/launch-chromium';
import type { Figure } from '../support/figure';

const contentScriptBudget = 8 * 1024;
/** Strings each library leaves in its minified build (tests/e2e/content-script-weight.e2e.ts). */
const libraryMarkers: Record<string, RegExp> = {
  zod: /\$Zod|ZodError/,
  React: /react\.transitional\.element|react\.element/,
  zustand: /getInitialState/,
  Dexie: /Dexie|IndexedDB/,
  jsforce: /jsforce/,
};

const gzipBytes = (file: string) => gzipSync(readFileSync(file)).length;

/** The files a page loads: its scripts, preloads and stylesheets, and what those scripts import. */
export function filesOfPage(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1] as string);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dir, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      queue.push(join(file, '..', match[1] as string));
    }
  }
  return [...seen].sort();
}

function pageWeight(dir: string, page: string, name: string, budget: string | null, limit: number | null): Figure {
  if (!existsSync(join(dir, page))) {
    return {
      name,
      value: null,
      unit: 'B gzip',
      budget,
      reference: null,
      pass: null,
      note: `${page} is not in this build`,
    };
  }
  const files = filesOfPage(dir, page);
  const bytes = files.reduce((sum, file) => sum + gzipBytes(join(dir, file)), 0);
  return {
    name,
    value: bytes,
    unit: 'B gzip',
    budget,
    reference: null,
    pass: limit === null ? null : bytes <= limit,
    note: `${files.length} files, each gzipped`,
  };
}

/** Weight of what the production build ships, gzipped file by file as a store serves them. */
export function weight(dir: string): Figure[] {
  const scripts = contentScriptFiles(dir);
  const contentBytes = scripts.reduce((sum, file) => sum + gzipBytes(file), 0);
  const code = scripts.map((file) => readFileSync(file, 'utf8')).join('\n');
  const carried = Object.entries(libraryMarkers)
    .filter(([, marker]) => marker.test(code))
    .map(([library]) => library);
  const worker = join(dir, 'background.js');
  const api = join(dir, 'background-jsforce.js');
  const deferred = join(dir, 'background-deferred.js');
  return [
    {
      name: 'Content scripts, all together',
      value: contentBytes,
      unit: 'B gzip',
      budget: `≤ ${contentScriptBudget} B`,
      reference: { name: 'budget', value: contentScriptBudget, unit: 'B gzip' },
      pass: contentBytes <= contentScriptBudget,
      note: `${contentScriptBudget - contentBytes} B of headroom`,
    },
    {
      name: 'zod, React, zustand, Dexie, jsforce in content scripts',
      value: carried.length,
      unit: 'libraries',
      budget: '0',
      reference: null,
      pass: carried.length === 0,
      note: carried.length > 0 ? `found: ${carried.join(', ')}` : 'none found',
    },
    pageWeight(dir, 'panel.html', 'Panel page', null, null),
    pageWeight(dir, 'coaching.html', 'Coaching page', null, null),
    {
      name: 'Worker (parsed at every start)',
      value: gzipBytes(worker),
      unit: 'B gzip',
      budget: null,
      reference: existsSync(api)
        ? { name: 'jsforce, loaded on the first Salesforce call', value: gzipBytes(api), unit: 'B gzip' }
        : null,
      pass: null,
      note: `${Math.round(readFileSync(worker).length / 1024)} kB minified${
        existsSync(deferred)
          ? `; sync, sign-in flows and coaching, loaded when first asked: ${gzipBytes(deferred).toLocaleString('en-US')} B gzip`
          : ''
      }`,
    },
  ];
}
