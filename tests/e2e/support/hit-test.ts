import type { Page } from 'playwright-core';

/** What a rep sees at a point of Lightning's record page: reachable, or covered by something else. */
export interface Reach {
  /** Every probe point inside the viewport. */
  visible: boolean;
  /** The topmost element at every probe point is the control itself (or inside it). */
  clickable: boolean;
  coveredBy?: string;
  width: number;
}

/**
 * Hit-tests Lightning's Edit button and the Activity card of the active record page: at the
 * centre and near the right edge (where a panel would cover them), like a click would.
 */
export async function reachOfRecordPage(page: Page): Promise<{ edit: Reach; activity: Reach; follow: Reach }> {
  // A string, not a function: the test runner's transform would add helpers the page lacks.
  return page.evaluate(`(() => {
    const active = document.querySelector('.windowViewMode-normal.active') || document;
    const buttons = [...active.querySelectorAll('button')];
    const targets = {
      edit: buttons.find((b) => b.textContent.trim() === 'Edit'),
      follow: buttons.find((b) => b.textContent.trim() === 'Follow'),
      activity: [...active.querySelectorAll('article.slds-card')].find((card) =>
        card.querySelector('.slds-card__header-title')?.textContent.trim() === 'Activity'),
    };
    const result = {};
    for (const [name, element] of Object.entries(targets)) {
      if (!element) { result[name] = { visible: false, clickable: false, coveredBy: 'missing', width: 0 }; continue; }
      const box = element.getBoundingClientRect();
      const probes = [
        [box.left + box.width / 2, box.top + Math.min(box.height / 2, 16)],
        [box.right - 3, box.top + Math.min(box.height / 2, 16)],
        [box.left + 3, box.top + Math.min(box.height / 2, 16)],
      ];
      const visible = probes.every(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
      let coveredBy;
      for (const [x, y] of probes) {
        const top = document.elementFromPoint(x, y);
        if (!top || !(top === element || element.contains(top))) {
          coveredBy = top ? (top.closest('[data-precall-dock],[data-precall-launcher]') ? 'Precall' : top.tagName.toLowerCase() + '.' + top.className) : 'nothing';
          break;
        }
      }
      result[name] = { visible, clickable: visible && !coveredBy, coveredBy, width: Math.round(box.width) };
    }
    return result;
  })()`);
}

/** The width Lightning lays its page out in (the side panel narrows the window, the dock the body). */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate('Math.round(document.body.getBoundingClientRect().width)');
}
