import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const demoExtensionDir = new URL('../.output/chrome-mv3-demo/', import.meta.url).pathname;
export const productionExtensionDir = new URL('../.output/chrome-mv3/', import.meta.url).pathname;

/** Every script a built extension's manifest injects into pages, as paths. */
export function contentScriptFiles(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []))].map((file) =>
    join(dir, file),
  );
}

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install Debian's chromium package`);
  return path;
}

/** Flags for Chromium in containers and CI: no sandbox, no GPU, no calls to Google's services. */
export const headlessArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/**
 * For a person at a display: a window that fills the screen it opens on, no crash-restore bubble
 * after a Ctrl+C, and the sandbox kept unless running as root (where Chromium refuses to start with it).
 */
const windowArgs = [
  '--start-maximized',
  '--hide-crash-restore-bubble',
  ...headlessArgs.filter((flag) => flag !== '--headless=new' && (flag !== '--no-sandbox' || process.getuid?.() === 0)),
];

export interface PrecallBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the unpacked extension. Chromium drops an extension that fails to load
 * without a word, so this insists on the service worker being there.
 */
export interface LaunchOptions {
  /** A profile kept between runs (plans live in its IndexedDB); a fresh temporary one otherwise. */
  userDataDir?: string;
  /** A visible window, for a person at a display. */
  headed?: boolean;
  /**
   * A real browser window of this size instead of an emulated viewport: Chrome's side panel
   * narrows the window's page area only when the page is not emulated.
   */
  windowSize?: { width: number; height: number };
  /** Where the call plan shows (`precall:panel-placement`), set before any page opens. */
  placement?: 'dock' | 'side-panel';
}

export async function launchWithExtension(
  extensionDir = demoExtensionDir,
  { userDataDir, headed = false, windowSize, placement }: LaunchOptions = {},
): Promise<PrecallBrowser> {
  const profile = userDataDir ?? (await mkdtemp(join(tmpdir(), 'precall-e2e-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: headed || windowSize ? null : { width: 1440, height: 900 },
    args: [
      ...(headed ? windowArgs : headlessArgs),
      ...(windowSize ? [`--window-size=${windowSize.width},${windowSize.height}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  if (placement) {
    // Runs in the service worker, where `chrome` exists; Node's types do not know it.
    await worker.evaluate(
      (value) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
        ).chrome.storage.local.set({ 'precall:panel-placement': value }),
      placement,
    );
  }
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      if (!userDataDir) await rm(profile, { recursive: true, force: true });
    },
  };
}
