import { hydrateShadowRoots } from '../../../fixtures/pages/page-fixtures';

/**
 * Puts a saved page into the test's own jsdom document, at `path` on the test origin, with its
 * native shadow roots attached: the tree a content script meets in Chromium.
 */
export function mountPage(html: string, path: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceWith(document.importNode(parsed.documentElement, true));
  hydrateShadowRoots(document);
  history.replaceState(null, '', path);
}

/** Lets MutationObserver callbacks run, then the frame they scheduled. */
export async function nextFrames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) {
    await Promise.resolve();
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  }
}
