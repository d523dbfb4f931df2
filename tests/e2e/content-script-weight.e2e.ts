import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentScriptFiles, demoExtensionDir, productionExtensionDir } from '../../demo/launch-chromium';

/**
 * Salesforce's page stays fast: every content script together weighs at most 8 KB gzip, and
 * none carries zod, React, zustand, Dexie or jsforce (issue 9). Checked on the built bundles,
 * and on the content script's runtime import graph, which says why when a library sneaks in.
 */
const budgetBytes = 8 * 1024;
const root = resolve(new URL('../..', import.meta.url).pathname);
const forbiddenPackages = ['zod', 'react', 'react-dom', 'zustand', 'dexie', 'jsforce'];

describe.each([
  ['production', productionExtensionDir],
  ['demo', demoExtensionDir],
])('%s build: content scripts', (name, dir) => {
  // The budget is for what ships to Salesforce's page; the demo build also carries WXT's
  // development logger and the demo org's hosts, and is weighed only for what it must not hold.
  it.runIf(name === 'production')(`weigh at most ${budgetBytes} bytes gzip together`, () => {
    const gzipped = contentScriptFiles(dir).reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(budgetBytes);
  });

  it('carry none of zod, React, zustand, Dexie or jsforce', () => {
    for (const file of contentScriptFiles(dir)) {
      const code = readFileSync(file, 'utf8');
      // Strings each library leaves in its minified build.
      expect({
        file,
        markers: code.match(
          /\$Zod|ZodError|react\.transitional\.element|react\.element|Dexie|jsforce|getInitialState|IndexedDB/g,
        ),
      }).toEqual({ file, markers: null });
    }
  });
});

/** Runtime imports of a source file: `import type` and `export type` are erased by the build. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
    if (match[1]) specifiers.push(match[1]);
  }
  return specifiers;
}

function resolveSource(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

describe('the content script’s runtime import graph', () => {
  it('reaches no forbidden package and nothing under lib/db or lib/sync', () => {
    const entry = join(root, 'entrypoints/salesforce.ts');
    const seen = new Set<string>();
    const packages = new Set<string>();
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of runtimeImports(file)) {
        const next = resolveSource(file, specifier);
        if (next) queue.push(next);
        else packages.add(specifier.split('/')[0] as string);
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect([...packages].filter((p) => forbiddenPackages.includes(p))).toEqual([]);
    const data = [...seen].map((f) => f.slice(root.length + 1)).filter((f) => /^lib\/(db|sync)\//.test(f));
    expect(data).toEqual([]);
  });
});
