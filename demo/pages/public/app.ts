import { showPage } from './page-host.ts';
import { parseRoute, type Route } from './route.ts';
import { renderAccountList } from './views/account-list.ts';
import { renderHome } from './views/home-page.ts';
import { renderNotFound } from './views/not-found.ts';
import { renderOpportunityList } from './views/opportunity-list.ts';
import { renderRecord } from './views/record-page.ts';

/**
 * The page app: routes by `location.pathname` and navigates with `history.pushState` when a
 * `/lightning/` link is clicked, as Lightning does; back and forward arrive as `popstate`.
 */
function render() {
  let route = parseRoute(location.pathname, location.search);
  if (route.kind === 'redirect') {
    history.replaceState(null, '', route.to);
    route = parseRoute(location.pathname, location.search);
  }
  markNavItem(route);
  showPage(location.pathname + location.search, (container) => build(route, container));
}

function build(route: Route, container: HTMLElement) {
  switch (route.kind) {
    case 'home':
      return renderHome(container);
    case 'record':
      return renderRecord(container, route.recordId);
    case 'list':
      if (route.objectApiName === 'Opportunity')
        return renderOpportunityList(container, route.filterName, route.display);
      if (route.objectApiName === 'Account') return renderAccountList(container);
      return renderNotFound(container);
    default:
      return renderNotFound(container);
  }
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

/** Clicks inside native shadow roots are retargeted to their host, so the link is found on the composed path. */
function onClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  const href = link?.getAttribute('href');
  if (!link || !href?.startsWith('/lightning/') || link.target === '_blank') return;
  event.preventDefault();
  if (href !== location.pathname + location.search) history.pushState(null, '', href);
  render();
}

document.addEventListener('click', onClick);
window.addEventListener('popstate', render);
document.getElementById('auraLoadingBox')?.classList.add('hideEl');
render();
