import type { DemoUser } from '../org/types';
import { escapeHtml } from './escape-html';

const navItems = [
  { id: 'home', label: 'Home', href: '/lightning/page/home' },
  { id: 'Opportunity', label: 'Opportunities', href: '/lightning/o/Opportunity/home' },
  { id: 'Account', label: 'Accounts', href: '/lightning/o/Account/home' },
];

/** The App Launcher's apps (demo/pages/public/route.ts names the same two). */
const appLauncherItems = [
  { name: 'standard__LightningSales', label: 'Sales' },
  { name: 'standard__LightningSalesConsole', label: 'Sales Console' },
];

/**
 * Lightning's `app.html`: one shell for every /lightning/* path; the page app in public/ renders
 * the page for the URL. `#auraLoadingBox` is what Lightning detectors look for.
 */
export function shellPage(user: DemoUser): string {
  const appItems = appLauncherItems
    .map(
      (app) =>
        `                  <li class="slds-dropdown__item" role="presentation"><a href="/lightning/app/${app.name}" role="menuitem" data-app="${app.name}">${app.label}</a></li>`,
    )
    .join('\n');
  const nav = navItems
    .map(
      (item) => `<one-app-nav-bar-item-root class="navItem slds-context-bar__item" role="listitem" data-id="${item.id}">
          <a href="${item.href}" class="slds-context-bar__label-action" title="${item.label}"><span class="slds-truncate">${item.label}</span></a>
        </one-app-nav-bar-item-root>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>Salesforce</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/demo-ui/static/lightning.css">
<script type="module" src="/demo-ui/static/app.ts"></script>
</head>
<body class="desktop">
<div id="auraLoadingBox" class="auraLoadingBox oneLoadingBox"><div class="loadingCon"><div class="loadingHolder">Loading</div></div></div>
<div class="desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost forceAccess" id="oneApp">
  <header id="oneHeader" class="slds-global-header_container oneHeader">
    <div class="slds-global-header slds-grid slds-grid_align-spread">
      <div class="slds-global-header__item"><div class="slds-global-header__logo" title="Precall demo org">Precall demo org</div></div>
      <div class="slds-global-header__item slds-global-header__item_search">
        <form class="globalSearch forceSearchDesktopHeader" role="search" action="/lightning/search">
          <input class="search-button slds-input" type="search" name="searchInput" placeholder="Search..." aria-label="Search" maxlength="255" autocomplete="off">
        </form>
      </div>
      <div class="slds-global-header__item slds-global-actions">
        <span class="slds-global-actions__avatar" title="View profile" data-user-id="${escapeHtml(user.Id)}">
          <span class="slds-avatar slds-avatar_circle slds-avatar_small">${escapeHtml(initials(user))}</span>
          <span class="userName">${escapeHtml(user.Name)}</span>
        </span>
        <a class="logout-link" href="/secur/logout.jsp">Log Out</a>
      </div>
    </div>
    <one-appnav>
      <div class="slds-context-bar oneAppNavContainer">
        <one-app-nav-bar>
          <nav class="slds-context-bar__secondary navCenter" role="navigation" aria-label="Global">
            <div class="slds-context-bar__primary navLeft">
              <div class="appLauncher slds-dropdown-trigger slds-dropdown-trigger_click">
                <button class="slds-button slds-button_icon appLauncherButton" type="button" title="App Launcher" aria-haspopup="true"><span class="waffle" aria-hidden="true"></span><span class="slds-assistive-text">App Launcher</span></button>
                <ul class="slds-dropdown slds-dropdown_left appLauncherMenu" role="menu">
${appItems}
                </ul>
              </div>
              <span class="appName slds-context-bar__label-action slds-context-bar__app-name" title="Sales">Sales</span>
            </div>
            <div class="slds-grid navItems" role="list">
        ${nav}
            </div>
          </nav>
        </one-app-nav-bar>
      </div>
    </one-appnav>
  </header>
  <div class="viewport">
    <section class="stage">
      <div class="center oneCenterStage" id="oneCenterStage"></div>
    </section>
  </div>
</div>
</body>
</html>
`;
}

function initials(user: DemoUser): string {
  return `${user.FirstName.charAt(0)}${user.LastName.charAt(0)}`;
}
