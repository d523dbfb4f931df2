import { type AppKind, currentApp, layOutStage, type Placement, showPage } from './page-host.ts';
import { type AppName, apps, parseRoute, type Route } from './route.ts';
import { renderAccountList } from './views/account-list.ts';
import { renderHome } from './views/home-page.ts';
import { renderNotFound } from './views/not-found.ts';
import { renderOpportunityList } from './views/opportunity-list.ts';
import { renderRecord } from './views/record-page.ts';
import { renderSearchResults, searchPath } from './views/search-results.ts';

/**
 * The page app: routes by `location.pathname` and navigates with `history.pushState` when a
 * `/lightning/` link is clicked, as Lightning does; back and forward arrive as `popstate`.
 */
const appStorageKey = 'demo-lightning-app';
/** Where each app lands when it is opened from the App Launcher. */
const landingPages: Record<AppKind, string> = {
  standard: '/lightning/page/home',
  console: '/lightning/o/Opportunity/list?filterName=Recent',
};

function render() {
  let route = parseRoute(location.pathname, location.search);
  if (route.kind === 'app') {
    switchApp(route.app);
    history.replaceState(null, '', landingPages[apps[route.app].kind]);
    route = parseRoute(location.pathname, location.search);
  }
  if (route.kind === 'redirect') {
    history.replaceState(null, '', route.to);
    route = parseRoute(location.pathname, location.search);
  }
  markNavItem(route);
  const shown = route;
  showPage(location.pathname + location.search, (container) => build(shown, container), placementOf(route));
}

function build(route: Route, container: HTMLElement) {
  switch (route.kind) {
    case 'home':
      return renderHome(container);
    case 'record':
      return renderRecord(container, route.recordId);
    case 'search':
      return renderSearchResults(container, route.term);
    case 'list':
      if (route.objectApiName === 'Opportunity')
        return renderOpportunityList(container, route.filterName, route.display);
      if (route.objectApiName === 'Account') return renderAccountList(container);
      return renderNotFound(container);
    default:
      return renderNotFound(container);
  }
}

/** In a console, each record opens in its own workspace tab (one per record, whichever id form); the rest share one. */
function placementOf(route: Route): Placement {
  if (route.kind !== 'record') return { workspace: null, label: tabLabel(route) };
  return { workspace: route.recordId.slice(0, 15), label: 'Loading…' };
}

function tabLabel(route: Route): string {
  if (route.kind === 'home') return 'Home';
  if (route.kind === 'search') return 'Search Results';
  if (route.kind === 'list') return route.objectApiName === 'Account' ? 'Accounts' : 'Opportunities';
  return 'Page';
}

function switchApp(name: AppName) {
  const { kind, label } = apps[name];
  sessionStorage.setItem(appStorageKey, name);
  layOutStage(kind);
  for (const element of document.querySelectorAll('.appName')) {
    element.textContent = label;
    element.setAttribute('title', label);
  }
  document.body.classList.toggle('consoleApp', kind === 'console');
}

function markNavItem(route: Route) {
  const current =
    route.kind === 'home'
      ? 'home'
      : route.kind === 'list'
        ? route.objectApiName
        : route.kind === 'record'
          ? route.objectApiName
          : null;
  for (const item of document.querySelectorAll('one-app-nav-bar-item-root')) {
    item.classList.toggle('slds-is-active', item.getAttribute('data-id') === current);
  }
}

function go(href: string) {
  if (href !== location.pathname + location.search) history.pushState(null, '', href);
  render();
}

/** Clicks inside native shadow roots are retargeted to their host, so the link is found on the composed path. */
function onClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  const href = link?.getAttribute('href');
  if (!link || !href?.startsWith('/lightning/') || link.target === '_blank') return;
  event.preventDefault();
  document.querySelector('.appLauncher')?.classList.remove('slds-is-open');
  go(href);
}

/** The header's search box opens the search results page, as Lightning's global search does on Enter. */
function onSearch(event: SubmitEvent) {
  const form = event.target as HTMLFormElement;
  if (!form.matches('form.globalSearch')) return;
  event.preventDefault();
  const term = String(new FormData(form).get('searchInput') ?? '').trim();
  if (term) go(searchPath(term));
}

document.addEventListener('click', onClick);
document.addEventListener('submit', onSearch);
document.querySelector('.appLauncher > button')?.addEventListener('click', (event) => {
  (event.currentTarget as HTMLElement).parentElement?.classList.toggle('slds-is-open');
});
window.addEventListener('popstate', render);
const remembered = sessionStorage.getItem(appStorageKey);
if (remembered && remembered in apps) switchApp(remembered as AppName);
else layOutStage(currentApp());
document.getElementById('auraLoadingBox')?.classList.add('hideEl');
render();
