/**
 * Lightning runs most components in synthetic shadow, which a content script's isolated world
 * sees as light DOM, and some in native shadow (mixed shadow mode). These helpers cross open
 * shadow roots; closed ones stay closed. Precall's own shadow roots are never entered.
 */
const ownHost = '[data-precall-badge], [data-precall-dock]';

/**
 * Elements matching `selector` in `root` (itself included) and in every open shadow root below
 * it. `onShadowRoot` hears of each shadow root entered, so a caller can watch it too.
 */
export function deepQueryAll(
  root: Element | ShadowRoot,
  selector: string,
  onShadowRoot?: (shadowRoot: ShadowRoot) => void,
): Element[] {
  const found: Element[] = [];
  collect(root, selector, found, onShadowRoot);
  return found;
}

function collect(
  root: Element | ShadowRoot,
  selector: string,
  found: Element[],
  onShadowRoot?: (shadowRoot: ShadowRoot) => void,
): void {
  if (root instanceof Element) {
    if (root.matches(ownHost)) return;
    if (root.matches(selector)) found.push(root);
    if (root.shadowRoot) enter(root.shadowRoot, selector, found, onShadowRoot);
  }
  // Our hosts keep everything in their own shadow roots (a row Lightning clones copies an empty
  // shell), so no light-DOM match can sit inside one: only a host itself needs leaving out.
  for (const element of root.querySelectorAll(selector)) {
    if (!element.matches(ownHost)) found.push(element);
  }
  // Only elements hosting a shadow root need a second look; `querySelectorAll('*')` is one native call.
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot && !element.matches(ownHost)) enter(element.shadowRoot, selector, found, onShadowRoot);
  }
}

function enter(
  shadowRoot: ShadowRoot,
  selector: string,
  found: Element[],
  onShadowRoot?: (shadowRoot: ShadowRoot) => void,
): void {
  onShadowRoot?.(shadowRoot);
  collect(shadowRoot, selector, found, onShadowRoot);
}

/** `element.closest(selector)` that climbs out of shadow roots through their hosts. */
export function composedClosest(element: Element, selector: string): Element | null {
  let current: Element | null = element;
  while (current) {
    const match: Element | null = current.closest(selector);
    if (match) return match;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** `ancestor.contains(node)` across shadow boundaries. */
export function composedContains(ancestor: Node, node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (ancestor.contains(current)) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}
