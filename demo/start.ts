import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { demoExtensionDir, launchWithExtension } from './launch-chromium';
import { showcaseOpportunityId } from './org/seed-data';
import { startDemoServer } from './server';

/**
 * `npm start`: builds Precall for the demo org, starts the org, and opens Chromium with Precall
 * loaded, signed in as Riley on a seeded opportunity. Without a display it runs the same
 * walk-through headless and saves screenshots.
 */
const stateDir = new URL('../.demo-data/', import.meta.url).pathname;
const screenshotDir = `${stateDir}screenshots/`;
const port = Number(process.env.PORT ?? 4711);
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');

async function main(): Promise<void> {
  console.log('Building Precall for the demo org…');
  const wxt = new URL('../node_modules/.bin/wxt', import.meta.url).pathname;
  const build = spawnSync(wxt, ['build', '--mode', 'demo'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('The extension did not build (see above)');

  mkdirSync(stateDir, { recursive: true });
  const org = await startDemoServer({ port, demoMode: true, dataFile: `${stateDir}org.json` }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} is taken (is the demo org already running?). Try PORT=4712 npm start`);
    }
    throw error;
  });
  console.log(`Demo org: ${org.url} (data kept in .demo-data/org.json)`);

  if (!headed) console.log('No display here: running the walk-through headless and saving screenshots.');
  // The walk-through docks the panel so its screenshots show it (Chrome draws the side panel
  // outside the page); it keeps a profile of its own so the rep's own choice is never changed.
  const browser = await launchWithExtension(demoExtensionDir, {
    userDataDir: headed ? `${stateDir}chromium` : `${stateDir}chromium-walkthrough`,
    headed,
    ...(headed ? {} : { placement: 'dock' as const }),
  });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const recordPath = `/lightning/r/Opportunity/${showcaseOpportunityId}/view`;
  await page.goto(`${org.url}/secur/frontdoor.jsp?un=riley@precall.demo&retURL=${encodeURIComponent(recordPath)}`);

  const stop = async () => {
    await browser.close().catch(() => {});
    await org.close();
  };

  if (headed) {
    console.log('Chromium is open as Riley Chen (rep). Sign in as someone else at /login.');
    console.log("The call plan opens in Chrome's side panel: click the blue Call plan tab at the page's right edge.");
    console.log('Close the browser window or press Ctrl+C to stop.');
    browser.context.on('close', () => void org.close().then(() => process.exit(0)));
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.on(signal, () => void stop().then(() => process.exit(0)));
    return;
  }

  try {
    const shots = await walkThrough(page, org.url);
    console.log('Screenshots:');
    for (const shot of shots) console.log(`  ${shot}`);
    console.log('Run it with a display (or `npm run org` and your own Chromium) to click around yourself.');
  } finally {
    await stop();
  }
}

/** What a rep does first: open an opportunity, plan the next call, glance at the pipeline. */
async function walkThrough(page: Page, orgUrl: string): Promise<string[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const shots: string[] = [];
  const shoot = async (name: string) => {
    const path = `${screenshotDir}${name}.png`;
    await page.screenshot({ path });
    shots.push(path);
  };
  const panel = page.frameLocator('[data-precall-dock] iframe[data-precall-panel]');

  await panel.getByRole('heading', { name: 'Call plans' }).waitFor({ timeout: 20_000 });
  await shoot('1-record-page-with-panel');

  // A second run finds the plan of the first (kept in .demo-data) and opens it, never a duplicate.
  const goal = 'Agree the rollout scope and who signs off';
  const written = panel.getByRole('button', { name: new RegExp(goal) });
  if ((await written.count()) > 0) {
    await written.first().click();
    await panel.getByLabel('Goal').waitFor();
  } else {
    await panel.getByRole('button', { name: 'New call plan' }).click();
    await panel.getByLabel('Goal').fill(goal);
    await panel.getByLabel('Best next step', { exact: true }).fill('Signed order for phase one');
    await panel.getByLabel('Minimum next step').fill('Pricing workshop with the CFO booked');
    await panel
      .getByText(/^Saved/)
      .first()
      .waitFor({ timeout: 10_000 });
  }
  await shoot('2-call-plan-written');

  await page.goto(`${orgUrl}/lightning/o/Opportunity/list?filterName=MyOpportunities`);
  await page.locator('tr[data-row-key-value]').first().waitFor({ timeout: 10_000 });
  await shoot('3-pipeline-list-view');
  return shots;
}

main().catch((error) => {
  console.error(`npm start failed: ${(error as Error).message}`);
  process.exit(1);
});
