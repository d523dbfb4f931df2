import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, headlessArgs } from '../../demo/launch-chromium';
import { type DemoServer, startDemoServer } from '../../demo/server';

/**
 * The demo pages virtualise big lists as Lightning does (salesforce-reference §4.3/§4.5): the
 * table renders a window of recycled rows and loads pages as the user scrolls; Kanban columns
 * render about 13 cards with the true count in their header. Plain Chromium, no extension.
 */
const active = 'div.windowViewMode-normal.active';
const listPath = '/lightning/o/Opportunity/list?filterName=AllOpportunities';
const rows = `${active} lst-customized-datatable tbody tr[data-row-key-value]`;
const scroller = `${active} lst-customized-datatable .slds-scrollable_y`;
const status = `${active} .countSortedByFilteredBy`;
const seeded = 2_000;

let org: DemoServer;
let browser: Browser;
let storyCount = 0;

beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: false, args: headlessArgs });
});
afterAll(async () => {
  await browser?.close();
  await org?.close();
});

async function openAsAdmin(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${org.url}/secur/frontdoor.jsp?un=admin@precall.demo&retURL=${encodeURIComponent(path)}`);
  await page.locator(rows).first().waitFor();
  return page;
}

const scrollTo = (page: Page, top: number | 'end') =>
  page.locator(scroller).evaluate((el, to) => {
    el.scrollTop = to === 'end' ? el.scrollHeight : to;
  }, top);

describe('the seeded org', () => {
  it('still shows every one of its opportunities, with no spacer rows', async () => {
    const page = await openAsAdmin(listPath);
    storyCount = await page.locator(rows).count();
    expect(storyCount).toBe(12);
    expect(await page.locator(`${active} tr.virtualSpacer`).count()).toBe(0);
    expect(await page.locator(status).textContent()).toMatch(/^12 items • Sorted by Opportunity Name/);
    await page.context().close();
  });
});

describe(`with ${seeded.toLocaleString('en-US')} more opportunities`, () => {
  let page: Page;
  let total = 0;
  beforeAll(async () => {
    const response = await fetch(`${org.url}/__demo/seed`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ opportunities: seeded }),
    });
    expect(response.ok).toBe(true);
    total = storyCount + seeded;
    page = await openAsAdmin(listPath);
  });
  afterAll(() => page?.context().close());

  it('renders far fewer rows than records and says "50+ items"', async () => {
    const rendered = await page.locator(rows).count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    expect(await page.locator(status).textContent()).toMatch(/^50\+ items/);
    // The spacer below stands in for the loaded rows that are not rendered.
    expect(await page.locator(`${active} tr.virtualSpacer`).count()).toBe(1);
  });

  it('refills the same tr elements with other records on scroll', async () => {
    const first = await page.locator(rows).first().elementHandle();
    if (!first) throw new Error('no first row');
    const before = await first.getAttribute('data-row-key-value');
    await scrollTo(page, 36 * 25);
    await expect.poll(() => first.getAttribute('data-row-key-value')).not.toBe(before);
    expect(await first.evaluate((tr) => tr.isConnected)).toBe(true);
    // The name cell's shadow root link follows the row's new record.
    const linked = await first.evaluate(
      (tr) =>
        tr
          .querySelector('th[scope="row"] lightning-primitive-custom-cell')
          ?.shadowRoot?.querySelector('force-lookup records-hoverable-link a[data-recordid]')
          ?.getAttribute('data-recordid') ?? null,
    );
    expect(linked).toBe(await first.getAttribute('data-row-key-value'));
    expect(await page.locator(rows).count()).toBeLessThan(60);
  });

  it('loads the next pages as the end comes near, up to the exact count', async () => {
    await scrollTo(page, 'end');
    await expect.poll(() => page.locator(status).textContent()).toMatch(/^100\+ items/);
    for (let i = 0; i < 80; i++) {
      const text = (await page.locator(status).textContent()) ?? '';
      if (!text.includes('+')) break;
      await scrollTo(page, 'end');
      await page.waitForTimeout(50);
    }
    expect(await page.locator(status).textContent()).toMatch(new RegExp(`^${total.toLocaleString('en-US')} items`));
    // The last page arrived below the old end: one more scroll reaches the last row.
    await scrollTo(page, 'end');
    await expect.poll(() => page.locator(rows).last().getAttribute('data-row-number')).toBe(String(total));
    // The list's last row links with the 15-character id, as the fixtures' does.
    const lastLink = await page
      .locator(rows)
      .last()
      .evaluate(
        (tr) =>
          tr
            .querySelector('th[scope="row"] lightning-primitive-custom-cell')
            ?.shadowRoot?.querySelector('a[data-recordid]')
            ?.getAttribute('data-recordid') ?? '',
      );
    expect(lastLink).toHaveLength(15);
    expect(await page.locator(rows).count()).toBeLessThan(60);
  });

  it('sorts on the server into a new tbody, back at the top', async () => {
    const tbody = await page.locator(`${active} lst-customized-datatable tbody`).elementHandle();
    await page.locator(`${active} th[data-col-key-value="Amount"] a`).click();
    await expect.poll(() => tbody?.evaluate((t) => t.isConnected)).toBe(false);
    await page.locator(rows).first().waitFor();
    expect(await page.locator(rows).first().getAttribute('data-row-number')).toBe('1');
    expect(await page.locator(status).textContent()).toMatch(/^50\+ items • Sorted by Amount/);
  });

  it('shows at most 13 cards per Kanban column, the true count in the header, more on scroll', async () => {
    await page.locator(`${active} button[title="Display as Kanban"]`).click();
    const columns = page.locator(`${active} .runtime_sales_pipelineboardPipelineViewColumn`);
    await columns.first().waitFor();
    const counts: number[] = [];
    for (const column of await columns.all()) {
      const cards = await column.locator('li.runtime_sales_pipelineboardPipelineViewCardStencil').count();
      const header = (await column.locator('.stageHeaderLabel').textContent()) ?? '';
      const count = Number(/\(([\d,]+)\)$/.exec(header)?.[1]?.replace(/,/g, ''));
      expect(cards).toBeLessThanOrEqual(13);
      expect(cards).toBe(Math.min(count, 13));
      counts.push(count);
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    const big = columns.filter({ hasText: /\((?:[\d,]{3,})\)/ }).first();
    const list = big.locator('ul');
    await list.evaluate((ul) => {
      ul.scrollTop = ul.scrollHeight;
    });
    await expect.poll(() => big.locator('li.runtime_sales_pipelineboardPipelineViewCardStencil').count()).toBe(26);
    const card = big.locator('div.pipelineViewCard').first();
    expect(await card.getAttribute('class')).toMatch(/^006[A-Za-z0-9]{15} pipelineViewCard/);
  });
});
