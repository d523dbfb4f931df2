import { h } from './dom.ts';

/**
 * Lightning keeps visited pages mounted: each navigation shows one page container
 * (`div.windowViewMode-normal.active`) and keeps the earlier ones hidden in the DOM. Revisiting
 * a URL reuses its container, and only a few are kept, the oldest dropped first.
 */
const keptPages = 5;
const pages = new Map<string, HTMLElement>();

export function showPage(key: string, build: (container: HTMLElement) => void): HTMLElement {
  const stage = document.getElementById('oneCenterStage');
  if (!stage) throw new Error('the Lightning shell has no #oneCenterStage');
  for (const page of pages.values()) page.classList.remove('active');
  let container = pages.get(key);
  if (container) {
    pages.delete(key);
  } else {
    container = h('div', { class: 'windowViewMode-normal oneContent lafPageHost' });
    stage.appendChild(container);
    build(container);
  }
  pages.set(key, container);
  container.classList.add('active');
  dropOldest();
  return container;
}

function dropOldest() {
  while (pages.size > keptPages) {
    const [oldestKey, oldest] = pages.entries().next().value ?? [];
    if (!oldestKey || !oldest) return;
    oldest.remove();
    pages.delete(oldestKey);
  }
}
