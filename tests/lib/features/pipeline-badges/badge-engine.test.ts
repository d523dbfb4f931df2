// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { passBudgetMs, startBadgeEngine } from '../../../../lib/features/pipeline-badges/badge-engine';
import { createBadgeSource, type MessageEvents } from '../../../../lib/features/pipeline-badges/badge-source';
import { badgeUpdate } from '../../../../lib/messaging/badge-messages';
import type { BadgeStatus, BadgeSummary } from '../../../../lib/model/badge-summary';
import { badgeText } from '../../../../lib/model/badge-text';
import { to18 } from '../../../../lib/model/record-id';
import { lightning } from '../../../../lib/salesforce/lightning/adapter';
import { handBuiltPages, readHandBuiltPage } from '../../../fixtures/pages/hand-built/hand-built-pages';
import { pageFixtures, readPageFixture } from '../../../fixtures/pages/page-fixtures';
import { mountPage, nextFrames } from './mount-page';

const now = new Date('2026-03-10T09:00:00');
const hostile = '<img src=x onerror="globalThis.pwned=1">';

function summary(status: BadgeStatus, goalsMet = 0, outcomesLogged = 0): BadgeSummary {
  return {
    status,
    goalsMet,
    outcomesLogged,
    ...badgeText({ status, goalsMet, outcomesLogged }, now, 'en-US'),
    card: { fields: [['Goal', hostile]], notes: [`Coaching note: ${hostile}`] },
  };
}

/** The background as the page meets it: answers every id it is asked for, and records each message. */
function fakeBackground(statusOf: (id: string) => BadgeStatus = () => ({ kind: 'stalled' })) {
  const sent: string[][] = [];
  const listeners = new Set<(message: unknown) => void>();
  const messages: MessageEvents = {
    addListener: (listener) => listeners.add(listener),
    removeListener: (listener) => listeners.delete(listener),
  };
  const send = async (message: unknown): Promise<unknown> => {
    const ids = (message as { payload: { opportunityIds: string[] } }).payload.opportunityIds;
    sent.push(ids);
    return { ok: true, data: Object.fromEntries(ids.map((id) => [id, summary(statusOf(id), 2, 4)])) };
  };
  const push = (summaries: Record<string, BadgeSummary>) => {
    for (const listener of listeners) listener(badgeUpdate(location.origin, summaries));
  };
  return { sent, send: send as (message: unknown) => Promise<unknown>, messages, push, listeners };
}

let controller: AbortController;
afterEach(() => controller?.abort());

/**
 * jsdom lays nothing out: every link watched is reported near the viewport, once, after the
 * task that watched it, as Chromium reports links on screen. Tests of links out of view stub
 * their own.
 */
class EverythingNear {
  private readonly pending = new Set<Element>();
  constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
  observe(target: Element) {
    if (this.pending.size === 0) {
      queueMicrotask(() => {
        const entries = [...this.pending].map((link) => ({ target: link, isIntersecting: true }));
        this.pending.clear();
        this.callback(entries);
      });
    }
    this.pending.add(target);
  }
  unobserve(target: Element) {
    this.pending.delete(target);
  }
  disconnect() {
    this.pending.clear();
  }
}
beforeEach(() => vi.stubGlobal('IntersectionObserver', EverythingNear));
afterEach(() => vi.unstubAllGlobals());

async function start(background = fakeBackground(), now?: () => number) {
  controller = new AbortController();
  startBadgeEngine({
    now,
    document,
    adapter: lightning,
    url: new URL(location.href),
    signal: controller.signal,
    onOpenPlan: () => {},
    createSource: (onSummaries) =>
      createBadgeSource({
        send: background.send,
        messages: background.messages,
        origin: location.origin,
        onSummaries,
        signal: controller.signal,
      }),
  });
  await nextFrames(3);
  return background;
}

/** Badge hosts anywhere, open shadow roots included. */
function badges(root: ParentNode = document): Element[] {
  const found = [...root.querySelectorAll('[data-precall-badge]')];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot && !element.matches('[data-precall-badge]')) found.push(...badges(element.shadowRoot));
  }
  return found;
}
const badgeIds = () => badges().map((b) => b.getAttribute('data-precall-badge'));

const active = 'div.windowViewMode-normal.active';

/** One list item per id, each holding a link to the opportunity, as search results list them. */
function listItems(ids: string[]): HTMLLIElement[] {
  return ids.map((id) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/lightning/r/Opportunity/${id}/view`;
    item.append(link);
    return item;
  });
}

describe('pipeline badges on a saved list view', () => {
  const listPath = '/lightning/o/Opportunity/list?filterName=AllOpportunities';

  it('puts one badge after every row’s link, for the row’s record, asking the background once', async () => {
    mountPage(readPageFixture(pageFixtures.opportunityListTable), listPath);
    const background = await start();
    const rowIds = [...document.querySelectorAll(`${active} tr[data-row-key-value]`)].map((r) =>
      r.getAttribute('data-row-key-value'),
    );
    expect(badgeIds().sort()).toEqual([...rowIds].sort());
    expect(background.sent).toHaveLength(1);
    expect([...(background.sent[0] ?? [])].sort()).toEqual([...rowIds].sort());
    for (const badge of badges()) {
      expect(badge.previousElementSibling?.localName).toBe('a');
      expect(badge.getAttribute('data-status')).toBe('stalled');
    }
  });

  it('names the status in words for screen readers, and shows "2/4 met"', async () => {
    mountPage(readPageFixture(pageFixtures.opportunityListTable), listPath);
    await start();
    const button = badges()[0]?.shadowRoot?.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Call plan: stalled, 2 of 4 goals met');
    expect(button?.textContent).toContain('Stalled');
    expect(button?.textContent).toContain('2/4 met');
    expect(button?.querySelector('svg path')?.getAttribute('d')).toBeTruthy();
  });

  it('follows a recycled row to its new record, never keeping the old badge', async () => {
    mountPage(readPageFixture(pageFixtures.opportunityListTable), listPath);
    const background = await start();
    const row = document.querySelector(`${active} tr[data-row-key-value]`) as HTMLElement;
    const host = row.querySelector('lightning-primitive-custom-cell') as HTMLElement;
    const link = host.shadowRoot?.querySelector('a') as HTMLElement;
    const recycled = '0065g00000Zzz99AAA';
    // Lightning refills the same tr and link with another record.
    row.setAttribute('data-row-key-value', recycled);
    link.setAttribute('href', `/lightning/r/${recycled}/view`);
    link.setAttribute('data-recordid', recycled);
    await nextFrames(3);
    const rowBadges = badges(row);
    expect(rowBadges.map((b) => b.getAttribute('data-precall-badge'))).toEqual([to18(recycled)]);
    expect(background.sent.at(-1)).toEqual([to18(recycled)]);
    expect(new Set(badgeIds()).size).toBe(badgeIds().length);
  });

  it('re-sorted rows in a new tbody keep one badge each, and ask for nothing', async () => {
    mountPage(readPageFixture(pageFixtures.opportunityListTable), listPath);
    const background = await start();
    const tbody = document.querySelector(`${active} lst-customized-datatable tbody`) as HTMLElement;
    const rows = [...tbody.querySelectorAll('tr[data-row-key-value]')].reverse();
    const sorted = document.createElement('tbody');
    sorted.append(...rows);
    tbody.replaceWith(sorted);
    await nextFrames(3);
    for (const row of rows) expect(badges(row)).toHaveLength(1);
    expect(badgeIds().sort()).toEqual(rows.map((r) => r.getAttribute('data-row-key-value')).sort());
    expect(background.sent).toHaveLength(1);
  });

  it('a row Lightning cloned with our badge in it still ends with one badge', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.lwcListView), '/lightning/o/Opportunity/list');
    await start();
    const row = document.querySelector('tr[data-row-key-value="006Hs00000AAAA2IAP"]') as HTMLElement;
    expect(badges(row)).toHaveLength(1);
    const copy = row.cloneNode(true) as HTMLElement;
    row.replaceWith(copy);
    await nextFrames(3);
    expect(copy.querySelectorAll('precall-badge')).toHaveLength(1);
    expect(badges(copy)).toHaveLength(1);
    expect(badgeIds().filter((id) => id === '006Hs00000AAAA2IAP')).toHaveLength(1);
  });

  it('a badge goes when its link goes, and all go when the page is left', async () => {
    mountPage(readPageFixture(pageFixtures.opportunityListTable), listPath);
    await start();
    const count = badges().length;
    document.querySelector(`${active} tr[data-row-key-value]`)?.remove();
    await nextFrames(3);
    expect(badges()).toHaveLength(count - 1);
    controller.abort();
    expect(badges()).toHaveLength(0);
  });

  it('updates a badge when the background pushes newer plans after a pull', async () => {
    mountPage(readPageFixture(pageFixtures.opportunityListTable), listPath);
    const background = await start();
    const id = badgeIds()[0] as string;
    background.push({ [id]: summary({ kind: 'advanced' }, 3, 4) });
    await nextFrames(2);
    const badge = badges().find((b) => b.getAttribute('data-precall-badge') === id);
    expect(badge?.getAttribute('data-status')).toBe('advanced');
    expect(badge?.shadowRoot?.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Call plan: advanced, 3 of 4 goals met',
    );
  });
});

describe('pipeline badges on other pages', () => {
  it('Kanban: one badge per card, for the card’s id', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.kanbanBoard), '/lightning/o/Opportunity/list');
    await start();
    expect(badgeIds().sort()).toEqual(['006Hs00000EEEE1IAP', '006Hs00000EEEE2IAP', '006Hs00000EEEE3IAP']);
  });

  it('console: only the shown workspace tab gets badges', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.consoleWorkspaces), '/lightning/page/home');
    await start();
    expect(badgeIds().sort()).toEqual(['006Hs00000DDDD1IAP', '006Hs00000DDDD2IAP']);
  });

  it('console: switching workspace tabs moves the badges to the newly shown tab', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.consoleWorkspaces), '/lightning/page/home');
    await start();
    const sections = document.querySelectorAll('section.oneConsoleTab');
    sections[1]?.classList.remove('active');
    sections[2]?.classList.add('active');
    await nextFrames(3);
    expect(badgeIds()).toEqual(['006Hs00000CCCC2IAP']);
  });

  it('record page of another object: its opportunity lookups and related list, nothing else', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.recordLookups), '/lightning/r/Contact/003Hs00000JJJJ1IAP/view');
    await start();
    expect(badgeIds().sort()).toEqual(['006Hs00000JJJJ1IAP', '006Hs00000KKKK1IAP', '006Hs00000KKKK2IAP']);
  });

  it('an opportunity’s own record page gets no badge on links to itself', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.recordLookups), '/lightning/r/Opportunity/006Hs00000JJJJ1IAP/view');
    await start();
    expect(badgeIds().sort()).toEqual(['006Hs00000KKKK1IAP', '006Hs00000KKKK2IAP']);
  });

  it('rows rendered after the page get badges as they arrive (async rendering)', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.searchResults), '/one/one.app');
    const region = document.querySelector('.forceSearchResultsRegion') as HTMLElement;
    const results = region.innerHTML;
    region.replaceChildren();
    const background = await start();
    expect(badges()).toHaveLength(0);
    region.innerHTML = results;
    await nextFrames(3);
    expect(badgeIds().sort()).toEqual(['006Hs00000HHHH1IAP', '006Hs00000HHHH2IAP']);
    expect(background.sent).toHaveLength(1);
  });

  it('a background that cannot answer leaves the page without badges, and unbroken', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.searchResults), '/one/one.app');
    const background = fakeBackground();
    background.send = async () => ({ ok: false, error: { code: 'not-signed-in', message: 'Open Salesforce' } });
    await start(background);
    expect(badges()).toHaveLength(0);
    expect(document.querySelectorAll('.forceSearchResultsRegion a')).toHaveLength(4);
  });
});

describe('a long list', () => {
  afterEach(() => vi.restoreAllMocks());

  it('draws every badge in the one frame after the summaries arrive, and asks for no frame more', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.searchResults), '/one/one.app');
    const region = document.querySelector('.forceSearchResultsRegion') as HTMLElement;
    const ids = Array.from({ length: 500 }, (_, i) => `006Hs00000L${String(i).padStart(4, '0')}`);
    region.replaceChildren(...listItems(ids));
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame');
    const background = await start();
    const linked = ids.map(to18);
    expect(badgeIds().filter((id) => linked.includes(id as string))).toEqual(linked);
    expect(background.sent).toHaveLength(1);
    // Three frames are the test's own waiting. The engine's two: one finding the links and asking
    // for them, one drawing all 500 badges; its own badges going in ask for none.
    expect(frames.mock.calls.length - 3).toBe(2);
    const asked = frames.mock.calls.length;
    await nextFrames(2);
    expect(frames.mock.calls.length - asked).toBe(2);
  });
});

describe('rows arriving faster than a frame can look at them', () => {
  it('a pass stops at its budget and the next frame goes on; every id still goes in one message', async () => {
    // No link is ever reported near the view: only the engine itself asks for the frames it needs.
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    mountPage(readHandBuiltPage(handBuiltPages.searchResults), '/one/one.app');
    const region = document.querySelector('.forceSearchResultsRegion') as HTMLElement;
    region.replaceChildren();
    // Each look at the clock takes a millisecond: a pass looks at about eight rows.
    let clock = 0;
    const background = await start(fakeBackground(), () => clock++);
    const ids = Array.from({ length: 100 }, (_, i) => `006Hs00000M${String(i).padStart(4, '0')}`);
    region.append(...listItems(ids));
    await nextFrames(2);
    expect(background.sent).toEqual([]);
    let frames = 2;
    while (background.sent.length === 0 && frames < 40) {
      await nextFrames(1);
      frames += 1;
    }
    expect(frames).toBeGreaterThanOrEqual(ids.length / passBudgetMs);
    expect(background.sent).toHaveLength(1);
    expect([...(background.sent[0] ?? [])].sort()).toEqual(ids.map(to18).sort());
  });
});

describe('a long list with IntersectionObserver', () => {
  type Callback = (entries: { target: Element; isIntersecting: boolean }[]) => void;
  const views: { callback: Callback; options: IntersectionObserverInit; watched: Set<Element> }[] = [];
  class FakeView {
    private readonly view: (typeof views)[number];
    constructor(callback: Callback, options: IntersectionObserverInit) {
      this.view = { callback, options, watched: new Set() };
      views.push(this.view);
    }
    observe(target: Element) {
      this.view.watched.add(target);
    }
    unobserve(target: Element) {
      this.view.watched.delete(target);
    }
    disconnect() {
      this.view.watched.clear();
    }
  }
  /** The browser reporting, after a frame's layout, which watched links are within the margin now. */
  function report(near: (link: Element) => boolean) {
    for (const view of views) {
      const entries = [...view.watched].map((target) => ({ target, isIntersecting: near(target) }));
      if (entries.length > 0) view.callback(entries);
    }
  }

  afterEach(() => {
    views.length = 0;
  });

  it('asks for all 500 in one message, draws the links near the view, and the others as they come near', async () => {
    vi.stubGlobal('IntersectionObserver', FakeView);
    mountPage(readHandBuiltPage(handBuiltPages.searchResults), '/one/one.app');
    const region = document.querySelector('.forceSearchResultsRegion') as HTMLElement;
    const ids = Array.from({ length: 500 }, (_, i) => `006Hs00000L${String(i).padStart(4, '0')}`);
    const items = listItems(ids);
    const links = items.map((item) => item.firstElementChild as HTMLAnchorElement);
    region.replaceChildren(...items);
    const background = await start();
    const linked = ids.map(to18);
    const drawn = () => badgeIds().filter((id) => linked.includes(id as string));
    expect(background.sent).toHaveLength(1);
    expect(background.sent[0]).toEqual(expect.arrayContaining(linked));
    // Nothing is known to be near yet: no badge goes in blind.
    expect(drawn()).toEqual([]);
    expect(views[0]?.options).toMatchObject({ rootMargin: '100%', scrollMargin: '100%' });

    report((link) => links.indexOf(link as HTMLAnchorElement) < 30);
    await nextFrames(1);
    expect(drawn()).toEqual(linked.slice(0, 30));
    // A link drawn once keeps its badge: it is no longer watched.
    expect(views[0]?.watched.size).toBe(470);

    report((link) => links.indexOf(link as HTMLAnchorElement) < 60);
    await nextFrames(1);
    expect(drawn()).toEqual(linked.slice(0, 60));
    expect(background.sent).toHaveLength(1);
  });

  it('a recycled row near the view turns to its new record without waiting to come near again', async () => {
    vi.stubGlobal('IntersectionObserver', FakeView);
    mountPage(
      readPageFixture(pageFixtures.opportunityListTable),
      '/lightning/o/Opportunity/list?filterName=AllOpportunities',
    );
    await start();
    report(() => true);
    await nextFrames(1);
    const row = document.querySelector(`${active} tr[data-row-key-value]`) as HTMLElement;
    const link = row.querySelector('lightning-primitive-custom-cell')?.shadowRoot?.querySelector('a') as HTMLElement;
    expect(badges(row)).toHaveLength(1);
    const recycled = '0065g00000Zzz99AAA';
    row.setAttribute('data-row-key-value', recycled);
    link.setAttribute('href', `/lightning/r/${recycled}/view`);
    link.setAttribute('data-recordid', recycled);
    await nextFrames(3);
    expect(badges(row).map((b) => b.getAttribute('data-precall-badge'))).toEqual([to18(recycled)]);
  });
});

describe('the card', () => {
  it('shows hostile text as text and links to the call plan', async () => {
    mountPage(readHandBuiltPage(handBuiltPages.searchResults), '/one/one.app');
    await start();
    const badge = badges()[0] as HTMLElement;
    const card = badge.shadowRoot?.getElementById('card') as HTMLElement;
    card.dispatchEvent(Object.assign(new Event('beforetoggle'), { newState: 'open' }));
    expect(card.querySelector('img')).toBeNull();
    expect(card.textContent).toContain(hostile);
    expect(card.querySelector('dt')?.textContent).toBe('Goal');
    const link = card.querySelector('a');
    expect(link?.textContent).toBe('Open call plan');
    expect(link?.getAttribute('href')).toBe(
      `/lightning/r/Opportunity/${badge.getAttribute('data-precall-badge')}/view`,
    );
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
