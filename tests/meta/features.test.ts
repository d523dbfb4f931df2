import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Conventions for page features: each lives in its own file in lib/features (helpers in a folder
 * of the same name), exports one PageFeature, and is registered in the content script. Deleting
 * a feature is deleting its file and its import line.
 */
const featuresDir = new URL('../../lib/features/', import.meta.url);
const infrastructure = new Set(['page-feature.ts', 'run-features.ts', 'follow-page.ts']);
const featureFiles = readdirSync(featuresDir).filter((name) => name.endsWith('.ts') && !infrastructure.has(name));
const contentScript = readFileSync(new URL('../../entrypoints/salesforce.ts', import.meta.url), 'utf8');

describe('page features', () => {
  it('there is at least one', () => {
    expect(featureFiles.length).toBeGreaterThan(0);
  });

  it.each(featureFiles)('%s is registered in the content script', (file) => {
    expect(contentScript).toContain(`lib/features/${file.replace(/\.ts$/, '')}'`);
  });

  it.each(featureFiles)(
    '%s exports one PageFeature named after the file, with a comment saying what it adds',
    (file) => {
      const source = readFileSync(new URL(file, featuresDir), 'utf8');
      const name = file.replace(/\.ts$/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      expect(source).toMatch(new RegExp(`/\\*\\*[^]*?\\*/\\s*export const ${name}: PageFeature`));
      expect(source).toContain(`name: '${file.replace(/\.ts$/, '')}'`);
    },
  );
});
