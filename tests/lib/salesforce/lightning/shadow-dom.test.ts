// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { composedClosest, composedContains, deepQueryAll } from '../../../../lib/salesforce/lightning/shadow-dom';

/** `<host>` with an open shadow root holding one link, inside a fresh container. */
function hostWithLink(
  host: string,
  href = '/x',
): { container: HTMLElement; root: ShadowRoot; link: HTMLAnchorElement } {
  const container = document.createElement('div');
  const element = document.createElement(host);
  const root = element.attachShadow({ mode: 'open' });
  const link = document.createElement('a');
  link.href = href;
  root.append(link);
  container.append(element);
  return { container, root, link };
}

describe('deepQueryAll', () => {
  // Every kind of element attachShadow accepts: custom elements and the spec's list.
  it.each([
    'lightning-formatted-url',
    'div',
    'span',
    'section',
    'article',
    'aside',
    'nav',
    'p',
    'h3',
    'header',
    'main',
  ])('enters an open shadow root hosted by <%s> and tells the caller', (host) => {
    const { container, root, link } = hostWithLink(host);
    const entered: ShadowRoot[] = [];
    expect(deepQueryAll(container, 'a[href]', (shadowRoot) => entered.push(shadowRoot))).toEqual([link]);
    expect(entered).toEqual([root]);
  });

  it('finds links in light DOM, in the root itself and in shadow roots nested in shadow roots', () => {
    const { container, root, link: inner } = hostWithLink('lst-list-view-manager');
    const nestedHost = document.createElement('lightning-datatable');
    const nested = nestedHost.attachShadow({ mode: 'open' });
    const deep = document.createElement('a');
    deep.href = '/deep';
    nested.append(deep);
    root.append(nestedHost);
    const light = document.createElement('a');
    light.href = '/light';
    container.append(light);
    expect(deepQueryAll(container, 'a[href]')).toEqual([light, inner, deep]);
    expect(deepQueryAll(light, 'a[href]')).toEqual([light]);
  });

  it('never enters Precall’s own hosts, nor returns them', () => {
    const container = document.createElement('div');
    const badge = document.createElement('precall-badge');
    badge.setAttribute('data-precall-badge', '006');
    badge.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('a'), { href: '/card' }));
    const dock = document.createElement('div');
    dock.setAttribute('data-precall-dock', '');
    dock.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('a'), { href: '/panel' }));
    container.append(badge, dock);
    expect(deepQueryAll(container, 'a[href], [data-precall-badge]')).toEqual([]);
    expect(deepQueryAll(dock, 'a[href]')).toEqual([]);
  });

  it('leaves closed shadow roots closed', () => {
    const container = document.createElement('div');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'closed' }).append(Object.assign(document.createElement('a'), { href: '/hidden' }));
    container.append(host);
    expect(deepQueryAll(container, 'a[href]')).toEqual([]);
  });
});

describe('composedClosest and composedContains', () => {
  it('climb out of shadow roots through their hosts', () => {
    const { container, link } = hostWithLink('lightning-primitive-cell-factory');
    const row = document.createElement('tr');
    const table = document.createElement('table');
    const body = document.createElement('tbody');
    const cell = document.createElement('th');
    cell.append(container);
    row.append(cell);
    body.append(row);
    table.append(body);
    expect(composedClosest(link, 'tr')).toBe(row);
    expect(composedClosest(link, 'li')).toBeNull();
    expect(composedContains(row, link)).toBe(true);
    expect(composedContains(document.createElement('tr'), link)).toBe(false);
  });
});
