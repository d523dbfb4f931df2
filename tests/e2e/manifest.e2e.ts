import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionExtensionDir } from '../../demo/launch-chromium';

/**
 * The production manifest asks for the least Precall needs, and is one the Chrome Web Store
 * takes. "Used" is read from the code: a permission passes while some source file calls the
 * chrome API it enables, so a feature that starts using `notifications` and asks for it passes,
 * and one that stops using `alarms` but still asks for it fails.
 */
const root = new URL('../..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(productionExtensionDir, 'manifest.json'), 'utf8')) as {
  manifest_version: number;
  name: string;
  description?: string;
  version: string;
  icons?: Record<string, string>;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  minimum_chrome_version?: string;
};

/** Each permission Precall may ask for, and the API call that shows it is used. */
const apiOf: Record<string, RegExp> = {
  storage: /\b(?:browser|chrome)\.storage\b/,
  cookies: /\b(?:browser|chrome)\.cookies\b/,
  alarms: /\b(?:browser|chrome)\.alarms\b/,
  sidePanel: /\b(?:browser|chrome)\.sidePanel\b/,
  // An extension's service worker shows its own notifications with this permission too.
  notifications: /\b(?:(?:browser|chrome)\.notifications|registration\.showNotification)\b/,
  contextMenus: /\b(?:browser|chrome)\.contextMenus\b/,
  idle: /\b(?:browser|chrome)\.idle\b/,
  offscreen: /\b(?:browser|chrome)\.offscreen\b/,
};

/** Broader than Precall needs, with why. */
const refused: Record<string, string> = {
  '<all_urls>': 'Precall runs on Salesforce hosts only',
  tabs: 'tab URLs of Salesforce pages come with the host permissions; tabs.create and tabs.sendMessage need no permission',
  scripting: 'the content script is declared in the manifest',
  activeTab: 'the side panel opens from the toolbar without it',
  webRequest: 'Precall calls Salesforce with fetch and reads nothing else',
  history: 'not used',
  bookmarks: 'not used',
  management: 'not used',
  debugger: 'not used',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx)$/.test(name) ? [path] : [];
  });
}

const source = ['entrypoints', 'lib', 'components']
  .filter((dir) => existsSync(join(root, dir)))
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

/** Salesforce's own hosts: the only ones Precall's pages, panel and API calls touch. */
const salesforceHost =
  /^https:\/\/(?:[\w*-]+\.)*(?:salesforce\.com|force\.com|salesforce\.mil|force\.mil|crmforce\.mil|sfcrmapps\.cn|sfcrmproducts\.cn)\/\*$/;

describe('the production manifest', () => {
  it('names Precall with a description, a version and every icon size the store shows', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Precall');
    expect(manifest.description?.length ?? 0).toBeGreaterThan(20);
    // The Chrome Web Store refuses a description over 132 characters.
    expect(manifest.description?.length ?? 0).toBeLessThanOrEqual(132);
    expect(manifest.version).toMatch(/^\d+(?:\.\d+){0,3}$/);
    for (const size of ['16', '32', '48', '128']) {
      const icon = manifest.icons?.[size];
      expect({ size, icon }).toEqual({ size, icon: expect.any(String) });
      expect(existsSync(join(productionExtensionDir, icon as string))).toBe(true);
    }
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(116);
  });

  it('asks for no permission broader than Precall needs', () => {
    const asked = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
    expect(asked.filter((permission) => permission in refused).map((p) => `${p}: ${refused[p]}`)).toEqual([]);
    expect(asked.filter((permission) => !(permission in apiOf))).toEqual([]);
  });

  it('uses every permission it asks for', () => {
    const unused = (manifest.permissions ?? []).filter((permission) => !apiOf[permission]?.test(source));
    expect(unused).toEqual([]);
  });

  it('reaches Salesforce hosts only: host permissions, content scripts and framed pages', () => {
    const patterns = [
      ...(manifest.host_permissions ?? []),
      ...(manifest.content_scripts ?? []).flatMap((script) => script.matches),
      ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.matches),
    ];
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.filter((pattern) => !salesforceHost.test(pattern))).toEqual([]);
  });
});

describe('the permission check itself', () => {
  it("keeps jsforce to the worker: its script is no page's resource", () => {
    const exposed = (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources);
    expect(exposed.filter((resource) => resource.includes('jsforce'))).toEqual([]);
  });

  it('knows an API call from a permission that is only asked for', () => {
    expect(apiOf.alarms?.test('void browser.alarms.create("x", {})')).toBe(true);
    expect(apiOf.notifications?.test("permissions: ['notifications']")).toBe(false);
    expect(apiOf.notifications?.test('worker.registration.showNotification(title, options)')).toBe(true);
  });

  it('refuses the broad hosts and takes the Salesforce ones', () => {
    for (const broad of [
      '<all_urls>',
      'https://*/*',
      '*://*/*',
      'http://*.my.salesforce.com/*',
      'https://evil.com/*',
      'https://evilforce.com/*',
    ]) {
      expect({ broad, ok: salesforceHost.test(broad) }).toEqual({ broad, ok: false });
    }
    for (const own of [
      'https://*.my.salesforce.com/*',
      'https://*.lightning.force.com/*',
      'https://login.salesforce.com/*',
    ]) {
      expect({ own, ok: salesforceHost.test(own) }).toEqual({ own, ok: true });
    }
  });
});
