import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoExtensionDir, launchWithExtension } from '../../../demo/launch-chromium';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { demoControl, recordPath, signIn, startOrg } from '../support/demo-org';
import { type Figure, median, notMeasured, round } from '../support/figure';

const plans = 20_000;
const budgetMs = 300;
const name = `Coaching view over ${plans.toLocaleString('en-US')} plans, open until the first report shows`;

/**
 * The coaching page's contract: `coaching.html`, whose `<main data-ready="true">` and
 * `performance.mark('precall:coaching-ready')` come when the first report's figures (the real ones,
 * as the background counted them) show: in the frame that draws them when the page's early script
 * draws them before React loads, as in a tab opened for an org; after React's commit when React
 * renders first. Morgan's browser pulls the team's 20,000 plans first; the page is then opened
 * five times, each after the last one's refresh from Salesforce has ended.
 *
 * Beside each opening, a bare page of the same extension (the build copied with one more file,
 * a paragraph and no script) is opened the same way: when it paints is the floor any extension
 * page meets in this Chromium, before a byte of Precall's page runs.
 */
export async function coachingView(): Promise<Figure[]> {
  if (!existsSync(join(demoExtensionDir, 'coaching.html'))) {
    return [notMeasured(name, 'ms', `≤ ${budgetMs} ms`, 'coaching.html is not in this build')];
  }
  const org = await startOrg();
  await demoControl(org, 'POST', 'seed', {
    opportunities: 2000,
    plans,
    owners: ['riley@precall.demo', 'sam@precall.demo'],
  });
  const extension = await mkdtemp(join(tmpdir(), 'precall-bench-coaching-'));
  cpSync(demoExtensionDir, extension, { recursive: true });
  writeFileSync(
    join(extension, 'bare.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title></head><body><p>Bare page</p></body></html>',
  );
  const browser = await launchWithExtension(extension);
  try {
    const page = await browser.context.newPage();
    await signIn(page, org, 'morgan@precall.demo', recordPath(showcaseOpportunityId));
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.evaluate(
      (origin) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ precall: 1, type: 'sync:run', payload: { origin } }),
      org.url,
    );
    const ready: number[] = [];
    const painted: number[] = [];
    const barePainted: number[] = [];
    for (let n = 0; n < 5; n++) {
      const bare = await browser.context.newPage();
      await bare.goto(`chrome-extension://${browser.extensionId}/bare.html`);
      // A function, not a string: Playwright evaluates a string predicate with eval once it has to
      // poll, which an extension page's CSP refuses.
      await bare.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      barePainted.push(
        await bare.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN),
      );
      await bare.close();
      const view = await browser.context.newPage();
      await view.goto(`chrome-extension://${browser.extensionId}/coaching.html?origin=${encodeURIComponent(org.url)}`);
      await view.locator('main[data-ready="true"]').waitFor({ timeout: 60_000 });
      const [mark, paint] = await view.evaluate(() => [
        performance.getEntriesByName('precall:coaching-ready')[0]?.startTime ?? Number.NaN,
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      ]);
      ready.push(mark as number);
      painted.push(paint as number);
      // Each opening asks Salesforce for the team's latest once its first report shows. The plans
      // were seeded minutes ago, inside the pull's overlap window, so that refresh reads all
      // 20,000 again: 4 to 8 s of the worker's time. Closed before it ends, the next opening
      // found the worker busy with it and waited 300 ms or more for its answer.
      await view.locator('.coaching-refresh', { hasText: /Up to date|Showing this/ }).waitFor({ timeout: 120_000 });
      await view.close();
    }
    const value = median(ready);
    return [
      {
        name,
        value: round(value),
        unit: 'ms',
        budget: `≤ ${budgetMs} ms`,
        reference: { name: 'the page first painting', value: round(median(painted)), unit: 'ms' },
        pass: value <= budgetMs,
        note: `median of 5, from navigation start; a bare page of the extension first paints at ${round(median(barePainted))} ms`,
      },
    ];
  } finally {
    await browser.close();
    await org.close();
    await rm(extension, { recursive: true, force: true });
  }
}
