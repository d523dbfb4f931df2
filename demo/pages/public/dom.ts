/**
 * Element building for the page app. Data only ever becomes text nodes or attribute values,
 * never markup: opportunity names in tests carry hostile strings.
 */
export type Child = Node | string | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | null | undefined>;

export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/**
 * A custom element whose content lives in a real open shadow root, like the native-shadow
 * components of Lightning's mixed shadow mode. Serializable so page snapshots keep it.
 */
export function shadowHost(tag: string, attributes: Attributes, css: string, ...children: Child[]): HTMLElement {
  const host = h(tag, attributes);
  const root = host.attachShadow({ mode: 'open', serializable: true });
  append(root, [h('style', {}, css), ...children]);
  return host;
}

/** A random 100–300 ms pause: Lightning inserts rows well after navigation, and content scripts must wait for them. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(Math.random() * 200)));
}
