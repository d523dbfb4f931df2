import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followPage, type PageEnvironment } from '../../../lib/features/follow-page';

const start = 'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view';
const next = 'https://acme.lightning.force.com/lightning/o/Opportunity/list';

/** A page made of event targets and fake timers: its URL, history events and Navigation API. */
function page(options: { navigationApi?: boolean } = {}) {
  const events = new EventTarget();
  const navigation = new EventTarget();
  const location = { href: start };
  let id: string | undefined = 'precall';
  const window = {
    location,
    addEventListener: events.addEventListener.bind(events),
    setInterval: (run: () => void, ms: number) => setInterval(run, ms),
    clearInterval: (handle: number) => clearInterval(handle),
    ...(options.navigationApi === false ? {} : { navigation }),
  } as unknown as PageEnvironment['window'];
  const seen: string[] = [];
  const lifetime = new AbortController();
  followPage((url) => seen.push(url.href), lifetime, { window, extensionId: () => id, pollMs: 500 });
  return {
    seen,
    lifetime,
    location,
    navigate(url: string) {
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    },
    popstate: () => events.dispatchEvent(new Event('popstate')),
    extensionGone: () => {
      id = undefined;
    },
  };
}

describe('followPage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells the URL the page shows at once', () => {
    expect(page().seen).toEqual([start]);
  });

  it('tells a navigation the Navigation API reports, with the URL it goes to, before the page commits to it', () => {
    const tab = page();
    tab.navigate(next);
    expect(tab.seen).toEqual([start, next]);
    expect(tab.location.href).toBe(start);
  });

  it.each([
    { case: 'a back or forward', happen: (tab: ReturnType<typeof page>) => tab.popstate() },
    { case: 'a navigation only the poll sees', happen: () => vi.advanceTimersByTime(500) },
  ])('tells the URL after $case', ({ happen }) => {
    const tab = page({ navigationApi: false });
    tab.location.href = next;
    happen(tab);
    expect(tab.seen).toEqual([start, next]);
  });

  it('polls every half second, not sooner', () => {
    const tab = page();
    tab.location.href = next;
    vi.advanceTimersByTime(499);
    expect(tab.seen).toEqual([start]);
    vi.advanceTimersByTime(1);
    expect(tab.seen).toEqual([start, next]);
    vi.advanceTimersByTime(500);
    expect(tab.seen).toEqual([start, next, next]);
  });

  it('ends its lifetime at the first poll after the extension went, and then tells nothing more', () => {
    const tab = page();
    tab.extensionGone();
    expect(tab.lifetime.signal.aborted).toBe(false);
    vi.advanceTimersByTime(500);
    expect(tab.lifetime.signal.aborted).toBe(true);
    tab.location.href = next;
    tab.navigate(next);
    tab.popstate();
    vi.advanceTimersByTime(5_000);
    expect(tab.seen).toEqual([start]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
