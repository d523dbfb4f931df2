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

/** The outermost components of a page that can hold opportunity links. */
export function linkHolders(page: Element): Element[] {
  const all = [...page.querySelectorAll(selectors.linkHolders.join(', '))];
  return all.filter((holder) => !all.some((other) => other !== holder && other.contains(holder)));
}
