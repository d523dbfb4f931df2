import { selectors } from './selectors';

/**
 * The pages the user sees now. Lightning keeps earlier pages mounted and hidden, and a console
 * app keeps every workspace tab mounted with its own `.active` page, so `.active` alone is not
 * enough: a container inside a hidden workspace tab, a `[hidden]` ancestor or no rendering at
 * all rules it out. No container found means no badges, never a guess.
 */
export function shownPageContainers(document: Document): Element[] {
  return [...document.querySelectorAll(selectors.pageContainers.join(', '))].filter(isShown);
}

export function isShown(container: Element): boolean {
  if (container.closest(`${selectors.hiddenWorkspaceTab}, [hidden]`)) return false;
  // Chromium says whether CSS hides it (display: none on an ancestor); other engines are trusted.
  const check = (container as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(container) : true;
}

/** Elements whose children are page containers or workspace tabs. */
export function pageStages(document: Document): Element[] {
  return [...document.querySelectorAll(selectors.pageStages.join(', '))];
}

/** Page containers and workspace tabs in any state: their classes say which one shows. */
export function pageSwitches(document: Document): Element[] {
  return [...document.querySelectorAll(selectors.pageSwitches.join(', '))];
}

const holder = `:is(${selectors.linkHolders.join(', ')})`;
/** A holder inside no other: the selector engine checks the ancestors, not script per pair. */
const outermostHolder = `${holder}:not(${holder} *)`;

/**
 * The outermost components of a page that can hold opportunity links. (Page containers are never
 * inside one, so a holder's ancestors above the page cannot be holders.)
 */
export function linkHolders(page: Element): Element[] {
  return [...page.querySelectorAll(outermostHolder)];
}
