import { h } from './dom.ts';

/**
 * Lightning keeps visited pages mounted: each navigation shows one page container and keeps the
 * earlier ones hidden in the DOM. Revisiting a URL reuses its container, and only a few are kept,
 * the oldest dropped first.
 *
 * A standard app shows one container at a time (`div.windowViewMode-normal.active`) in the
 * centre stage. A console app (`div.tabsetBody`) keeps every workspace tab mounted as a
 * `section.oneConsoleTab`, only the shown one `.active`; each tab holds its own
 * `div.windowViewMode-maximized.active` page container, so a hidden tab's page still says
 * `.active`. Records open in their own workspace tab; other pages (home, list views, search)
 * share the navigation tab.
 */
export type AppKind = 'standard' | 'console';

/** Where a page goes in a console: its own workspace tab (records), or the navigation tab. */
export interface Placement {
  /** The workspace tab's key, or null for the navigation tab. */
  workspace: string | null;
  /** The tab's label until the page names itself (a `demo-page-title` event). */
  label: string;
}

interface PageSet {
  pages: Map<string, HTMLElement>;
  holder: HTMLElement;
  containerClass: string;
}

interface WorkspaceTab extends PageSet {
  key: string;
  item: HTMLElement;
  label: HTMLElement;
  /** The URL this tab shows now, for the tab bar's link and for going back to it. */
  url: string;
}

const keptPages = 5;
const navigationTab = '__navigation';

let app: AppKind = 'standard';
let standard: PageSet | null = null;
let tabset: { body: HTMLElement; bar: HTMLElement; tabs: Map<string, WorkspaceTab> } | null = null;

function stage(): HTMLElement {
  const element = document.getElementById('oneCenterStage');
  if (!element) throw new Error('the Lightning shell has no #oneCenterStage');
  return element;
}

export function currentApp(): AppKind {
  return app;
}

/** Switches between the standard app and the console: the stage is laid out anew, as Lightning does. */
export function layOutStage(kind: AppKind): void {
  if (kind === app && (standard || tabset)) return;
  app = kind;
  standard = null;
  tabset = null;
  stage().replaceChildren();
}

export function showPage(key: string, build: (container: HTMLElement) => void, placement: Placement): HTMLElement {
  if (app === 'standard') {
    standard ??= { pages: new Map(), holder: stage(), containerClass: 'windowViewMode-normal oneContent lafPageHost' };
    return showIn(standard, key, build);
  }
  const tab = workspaceTab(placement.workspace ?? navigationTab, placement.label);
  tab.url = key;
  tab.item.querySelector('a')?.setAttribute('href', key);
  for (const other of consoleTabs().tabs.values()) setTabShown(other, other === tab);
  return showIn(tab, key, build);
}

function showIn(set: PageSet, key: string, build: (container: HTMLElement) => void): HTMLElement {
  for (const page of set.pages.values()) page.classList.remove('active');
  let container = set.pages.get(key);
  if (container) {
    set.pages.delete(key);
  } else {
    container = h('div', { class: set.containerClass });
    set.holder.appendChild(container);
    build(container);
  }
  set.pages.set(key, container);
  container.classList.add('active');
  while (set.pages.size > keptPages) {
    const [oldestKey, oldest] = set.pages.entries().next().value ?? [];
    if (!oldestKey || !oldest) break;
    oldest.remove();
    set.pages.delete(oldestKey);
  }
  return container;
}

function consoleTabs() {
  if (tabset) return tabset;
  const bar = h('ul', { class: 'tabBarItems slds-tabs_default__nav', role: 'tablist' });
  const body = h(
    'div',
    { class: 'tabsetBody main-content isConsole' },
    h('div', { class: 'tabBar slds-tabs_default' }, bar),
  );
  stage().appendChild(body);
  tabset = { body, bar, tabs: new Map() };
  return tabset;
}

function workspaceTab(key: string, label: string): WorkspaceTab {
  const set = consoleTabs();
  const existing = set.tabs.get(key);
  if (existing) return existing;
  const closable = key !== navigationTab;
  const title = h('span', { class: 'title slds-truncate' }, label);
  const item = h(
    'li',
    { class: 'oneConsoleTabItem slds-tabs_default__item', role: 'presentation', 'data-workspace': key },
    h('a', { class: 'tabHeader slds-tabs_default__link', role: 'tab', 'aria-selected': 'false', title: label }, title),
    closable
      ? h('button', { class: 'slds-button slds-button_icon closeTab', type: 'button', title: `Close ${label}` }, '×')
      : null,
  );
  const section = h('section', { class: 'tabContent oneConsoleTab', role: 'tabpanel', 'data-workspace': key });
  const tab: WorkspaceTab = {
    key,
    item,
    label: title,
    url: '',
    pages: new Map(),
    holder: section,
    containerClass: 'windowViewMode-maximized oneContent lafPageHost',
  };
  section.addEventListener('demo-page-title', (event) => {
    const text = (event as CustomEvent<string>).detail;
    title.textContent = text;
    item.querySelector('a')?.setAttribute('title', text);
    item.querySelector('button')?.setAttribute('title', `Close ${text}`);
  });
  item.querySelector('button')?.addEventListener('click', () => closeTab(tab));
  set.bar.appendChild(item);
  set.body.appendChild(section);
  set.tabs.set(key, tab);
  return tab;
}

function setTabShown(tab: WorkspaceTab, shown: boolean) {
  tab.holder.classList.toggle('active', shown);
  tab.item.classList.toggle('slds-is-active', shown);
  tab.item.querySelector('a')?.setAttribute('aria-selected', String(shown));
}

/** Closing the shown tab goes back to the navigation tab, by a navigation as Lightning does. */
function closeTab(tab: WorkspaceTab) {
  const set = consoleTabs();
  const wasShown = tab.holder.classList.contains('active');
  tab.item.remove();
  tab.holder.remove();
  set.tabs.delete(tab.key);
  if (!wasShown) return;
  const back = set.tabs.get(navigationTab)?.url || '/lightning/page/home';
  history.pushState(null, '', back);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** A page names itself once its record has loaded; a console shows that name on its tab. */
export function announceTitle(container: HTMLElement, title: string): void {
  container.dispatchEvent(new CustomEvent('demo-page-title', { detail: title, bubbles: true }));
  if (container.classList.contains('active') && container.closest('section.oneConsoleTab:not(.active)') === null)
    document.title = `${title} | Salesforce`;
}
