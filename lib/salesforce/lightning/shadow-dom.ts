/**
 * Lightning runs most components in synthetic shadow, which a content script's isolated world
 * sees as light DOM, and some in native shadow (mixed shadow mode). These helpers cross open
 * shadow roots; closed ones stay closed. Precall's own shadow roots are never entered.
 */
const ownHost = '[data-precall-badge], [data-precall-dock]';

/**
 * Elements that may host a shadow root: `attachShadow` accepts only custom elements and article,
 * aside, blockquote, body, div, footer, h1–h6, header, main, nav, p, section and span. Custom
 * elements have no selector of their own, so this leaves out the elements that cannot host one and
 * fill Lightning's lists and forms (a table's rows, cells and links, SVG icons), and our own hosts:
 * those then never reach script, where touching each element costs a wrapper in the content
 * script's world.
 */
const possibleHosts =
  ':not(a, abbr, b, br, button, dd, dl, dt, em, fieldset, form, i, img, input, label, legend, li, ol, option, ' +
  `select, slot, small, strong, table, tbody, td, template, textarea, th, thead, time, tr, ul, svg, svg *):not(${ownHost})`;

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
  // shell), so no light-DOM match can sit inside one: only a host itself needs leaving out, and
  // the selector does that natively.
  for (const element of root.querySelectorAll(notOwn(selector))) found.push(element);
  // Only elements hosting a shadow root need a second look, and the selector keeps most others
  // (and our own hosts) native.
  for (const element of root.querySelectorAll(possibleHosts)) {
    if (element.shadowRoot) enter(element.shadowRoot, selector, found, onShadowRoot);
  }
}

/** `selector` without our hosts, built once per selector: a list's pass asks it of every row. */
const notOwnQueries = new Map<string, string>();
function notOwn(selector: string): string {
  let query = notOwnQueries.get(selector);
  if (query === undefined) {
    query = `:is(${selector}):not(${ownHost})`;
    notOwnQueries.set(selector, query);
  }
  return query;
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
