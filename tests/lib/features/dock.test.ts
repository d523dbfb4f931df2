// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mountDock } from '../../../lib/features/record-panel/dock';

/** jsdom has no layout; this stands in for the browser telling us an element changed size. */
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  observed = new Set<Element>();
  constructor(readonly callback: () => void) {
    FakeResizeObserver.all.push(this);
  }
  observe(element: Element) {
    this.observed.add(element);
    // As a browser does, after the next layout: once for every element it starts observing.
    setTimeout(() => {
      if (this.observed.has(element)) this.callback();
    });
  }
  disconnect() {
    this.observed.clear();
  }
  static resize(element: Element) {
    for (const observer of FakeResizeObserver.all) if (observer.observed.has(element)) observer.callback();
  }
}

beforeAll(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});

const panelUrl = 'chrome-extension://precallid/panel.html';

function mount(collapsed = false) {
  const controller = new AbortController();
  const onCollapsedChange = vi.fn();
  const dock = mountDock({
    panelUrl,
    opportunityId: '0065g00000Nwd01AAB',
    collapsed,
    onCollapsedChange,
    signal: controller.signal,
  });
  const host = document.querySelector('[data-precall-dock]');
  const root = host?.shadowRoot;
  const frame = root?.querySelector<HTMLIFrameElement>('iframe[data-precall-panel]');
  const tab = root?.querySelector<HTMLButtonElement>('[data-precall-tab]');
  if (!host || !root || !frame || !tab) throw new Error('dock not mounted');
  return { controller, dock, host, frame, tab, onCollapsedChange };
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('style');
});

describe('mountDock', () => {
  it('frames the panel with the page origin and the opportunity', () => {
    const { frame } = mount();
    const src = new URL(frame.src);
    expect(`${src.protocol}//${src.host}${src.pathname}`).toBe(panelUrl);
    expect(src.searchParams.get('origin')).toBe(location.origin);
    expect(src.searchParams.get('opportunityId')).toBe('0065g00000Nwd01AAB');
    expect(frame.title).toBe('Precall call plan');
  });

  it('opens folded when the rep folded it last time, and unfolds from the tab', () => {
    const { frame, tab, onCollapsedChange } = mount(true);
    expect(frame.parentElement?.hidden).toBe(true);
    expect(tab.hidden).toBe(false);
    tab.click();
    expect(frame.parentElement?.hidden).toBe(false);
    expect(tab.hidden).toBe(true);
    expect(onCollapsedChange).toHaveBeenCalledWith(false);
  });

  it('folds only on a collapse message from its own frame and origin', () => {
    const { frame, tab, onCollapsedChange } = mount();
    const post = (source: MessageEventSource | null, origin: string) =>
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'precall:collapse' }, source, origin }));
    post(window, 'chrome-extension://precallid');
    post(frame.contentWindow, 'https://evil.example');
    expect(tab.hidden).toBe(true);
    post(frame.contentWindow, 'chrome-extension://precallid');
    expect(tab.hidden).toBe(false);
    expect(onCollapsedChange).toHaveBeenCalledWith(true);
  });

  it('leaves nothing behind when its signal aborts', () => {
    const { controller, host } = mount();
    controller.abort();
    expect(host.isConnected).toBe(false);
    expect(document.querySelector('[data-precall-dock]')).toBeNull();
  });

  it('docks below a header Lightning draws after the panel, and follows its height', async () => {
    const { frame } = mount();
    const dock = frame.parentElement as HTMLElement;
    expect(dock.style.top).toBe('0px');

    const header = document.createElement('header');
    header.id = 'oneHeader';
    let bottom = 88;
    header.getBoundingClientRect = () => ({ bottom }) as DOMRect;
    document.body.prepend(header);
    await vi.waitFor(() => expect(dock.style.top).toBe('88px'));

    bottom = 128;
    FakeResizeObserver.resize(header);
    expect(dock.style.top).toBe('128px');
    expect(dock.style.height).toBe('calc(100vh - 128px)');
  });

  it('never reads the layout of the page while mounting: it waits for the header to be laid out', async () => {
    const header = document.createElement('header');
    header.id = 'oneHeader';
    const measured = vi.fn(() => ({ bottom: 90 }) as DOMRect);
    header.getBoundingClientRect = measured;
    document.body.prepend(header);
    const { frame } = mount();
    const host = document.querySelector<HTMLElement>('[data-precall-dock]');
    expect(measured).not.toHaveBeenCalled();
    expect(host?.style.visibility).toBe('hidden');
    await vi.waitFor(() => expect(frame.parentElement?.style.top).toBe('90px'));
    expect(host?.style.visibility).toBe('');
  });

  it('takes its width from the page instead of covering it, the tab its own strip, and gives it back', () => {
    const { controller, tab } = mount();
    const root = document.documentElement;
    // jsdom's window is 1024 px wide: the dock keeps to its narrowest, 320 px.
    expect(root.style.marginRight).toBe('320px');
    expect(root.style.getPropertyPriority('margin-right')).toBe('important');
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'precall:collapse' } }));
    tab.hidden = false;
    tab.click();
    expect(root.style.marginRight).toBe('320px');
    controller.abort();
    expect(root.style.marginRight).toBe('');
  });

  it('folded, keeps only the strip of its tab', () => {
    const { controller } = mount(true);
    expect(document.documentElement.style.marginRight).toBe('32px');
    controller.abort();
    expect(document.documentElement.style.marginRight).toBe('');
  });
});
