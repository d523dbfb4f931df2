import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpportunities } from '../../demo/org/seed-data';
import { type DemoRun, panel, panelFrameSelector, signIn, startDemoRun } from './support/demo-session';

const pilot = seedOpportunities.find((o) => o.Id.startsWith('0065g00000Nwd02'));
if (!pilot) throw new Error('the seed has an unplanned meeting tomorrow on the warehouse pilot');

let run: DemoRun;

beforeAll(async () => {
  run = await startDemoRun();
});
afterAll(async () => run?.close());

interface Shown {
  tag: string;
  title: string;
  body: string;
}

/** The notifications Precall's worker shows, read from the worker itself. */
async function shownNotifications(): Promise<Shown[]> {
  const worker = run.browser.context.serviceWorkers().at(-1) ?? run.browser.worker;
  return worker.evaluate(async () => {
    const scope = self as unknown as {
      registration: { getNotifications(): Promise<{ tag: string; title: string; body: string }[]> };
    };
    return (await scope.registration.getNotifications()).map(({ tag, title, body }) => ({ tag, title, body }));
  });
}

describe('the day-before reminder of a meeting with no call plan', () => {
  it('shows a notification for the meeting once the rep turns reminders on', async () => {
    const page = await run.browser.context.newPage();
    await signIn(page, run, 'riley@precall.demo', `/lightning/r/Opportunity/${pilot.Id}/view`);
    await page.locator(panelFrameSelector).waitFor();
    // The panel names the meeting once sync has brought it in.
    await expect
      .poll(
        () =>
          panel(page)
            .getByText(/Warehouse pilot scoping/)
            .count(),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    expect(await shownNotifications()).toEqual([]);

    const options = await run.browser.context.newPage();
    await options.goto(`chrome-extension://${run.browser.extensionId}/options.html`);
    await options.getByLabel('Remind me the day before a meeting that has no call plan').check();

    await expect
      .poll(async () => (await shownNotifications()).filter((shown) => shown.tag.includes(pilot.Id)), {
        timeout: 15_000,
      })
      .toEqual([
        {
          // The tag names the record page a click opens (lib/background/meeting-reminders.ts).
          tag: expect.stringMatching(
            new RegExp(`^precall-meeting\\|${new URL(run.org.url).origin.replaceAll('.', '\\.')}\\|${pilot.Id}\\|00U`),
          ),
          title: 'Meeting tomorrow without a call plan',
          body: expect.stringMatching(
            /^Meeting: Warehouse pilot scoping at .* · Northwind – Warehouse Pilot\. Plan the call now\.$/,
          ),
        },
      ]);
  });
});
