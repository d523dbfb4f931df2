import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { chromiumPath, headlessArgs } from '../../../demo/launch-chromium';

export interface BenchBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with the given unpacked extensions (none: the same browser with the extension off).
 * One window of a fixed size, so page figures compare like with like.
 */
export async function launchBench(extensionDirs: readonly string[]): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'precall-bench-'));
  const extensionArgs =
    extensionDirs.length > 0
      ? [`--disable-extensions-except=${extensionDirs.join(',')}`, `--load-extension=${extensionDirs.join(',')}`]
      : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1440, height: 900 },
    args: [...headlessArgs, ...extensionArgs],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
