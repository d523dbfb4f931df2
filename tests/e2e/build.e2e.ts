import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoExtensionDir,
  launchWithExtension,
  type PrecallBrowser,
  productionExtensionDir,
} from '../../demo/launch-chromium';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const demoPatterns = /127\.0\.0\.1|localhost/;

describe('the built extension', () => {
  it.each([
    ['production', productionExtensionDir],
    ['demo', demoExtensionDir],
  ])('%s bundles are pure ASCII (Chrome drops a script it cannot read as UTF-8)', (_name, dir) => {
    const scripts = filesUnder(dir).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(1);
    for (const file of scripts) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: any byte outside ASCII is the point
      const offender = readFileSync(file, 'latin1').search(/[^\x00-\x7f]/);
      expect({ file, offender }).toEqual({ file, offender: -1 });
    }
  });

  it('runs apart in incognito: its own worker, cookie store and database', () => {
    expect(manifest(productionExtensionDir).incognito).toBe('split');
  });

  it('production manifest never matches the demo org', () => {
    const text = JSON.stringify(manifest(productionExtensionDir));
    expect(text).not.toMatch(demoPatterns);
    expect(manifest(productionExtensionDir).content_scripts[0].matches).toContain('https://*.lightning.force.com/*');
  });

  it('demo manifest matches the demo org in content scripts, hosts and the framed panel', () => {
    const demo = manifest(demoExtensionDir);
    expect(demo.content_scripts[0].matches).toEqual(
      expect.arrayContaining(['http://127.0.0.1/*', 'http://*.localhost/*']),
    );
    expect(demo.host_permissions).toEqual(expect.arrayContaining(['http://127.0.0.1/*']));
    expect(demo.web_accessible_resources[0].resources).toContain('panel.html');
  });

  it('the content script carries no React, Dexie or jsforce (Salesforce pages stay fast)', () => {
    const content = readFileSync(
      join(productionExtensionDir, manifest(productionExtensionDir).content_scripts[0].js[0]),
      'utf8',
    );
    expect(content).not.toMatch(/react|Dexie|jsforce|IndexedDB/i);
  });
});

describe('in Chromium', () => {
  let browser: PrecallBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension(demoExtensionDir);
  });
  afterAll(async () => browser?.close());

  it('registers the background service worker', async () => {
    expect(browser.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions-internals');
    const internals = JSON.parse((await page.locator('body').textContent()) ?? '[]');
    const precall = internals.find((e: { name: string }) => e.name === 'Precall (demo org)');
    expect(precall).toBeTruthy();
  });
});
