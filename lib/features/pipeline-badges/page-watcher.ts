import type { PageAdapter } from '../../salesforce/lightning/adapter';
import { isOwnHost } from './badge-element';
import { insideAny } from './inside-any';

export interface PageChange {
  /** Subtrees to look at again: whole link holders when they appear, else changed rows and cards. */
  roots: (Element | ShadowRoot)[];
  /** Nodes were removed, or the shown page switched: links may be gone. */
  removals: boolean;
}

export interface PageWatcher {
  /** What changed since the last call. */
  take(): PageChange;
  /** True while `link` is in a link holder of a shown page. */
  covers(link: Element): boolean;
  /** Watches a native shadow root found inside a holder: mutations in it do not reach the holder's observer. */
  watchShadowRoot(root: ShadowRoot): void;
}

export interface PageWatcherOptions {
  document: Document;
  adapter: PageAdapter;
  signal: AbortSignal;
  /** Something changed; the caller batches the work into its next frame. */
  onChange(): void;
}

/**
 * Watches only what can hold opportunity links, with observers that only take notes (the
 * caller's frame does the work): page stages and switches, shallowly, for which page shows;
 * the shown pages outside their link holders, for holders as Lightning renders them; and the
 * holders with the shadow roots inside them, for rows and cards added, recycled or removed.
 * Until Lightning has drawn a stage there is nothing to scope to: the document is watched for
 * one, and no more once it is there.
 */
export function createPageWatcher({ document, adapter, signal, onChange }: PageWatcherOptions): PageWatcher {
  let pages: Element[] = [];
  let holders = new Set<Node>();
  let pagesChanged = true;
  let discover = false;
  let removals = false;
  const dirty = new Set<Element | ShadowRoot>();
  const shadowRoots = new Set<ShadowRoot>();
  const subtree = { childList: true, subtree: true };
  const linkChanges: MutationObserverInit = {
    ...subtree,
    attributes: true,
    attributeFilter: [...adapter.recordAttributes],
  };
  // A pass's answers for the nodes climbed through (take, then covers): the page stands still meanwhile.
  let known = new Map<Node, boolean>();
  const insideHolder = (node: Node, pass?: Map<Node, boolean>) => insideAny(holders, node, pass);
  const pagesSwitched = () => {
    pagesChanged = true;
    onChange();
  };

  const stages = new MutationObserver(pagesSwitched);

  const structure = new MutationObserver((records) => {
    const climbed = new Map<Node, boolean>();
    for (const record of records) {
      if (insideHolder(record.target, climbed)) continue;
      discover ||= record.addedNodes.length > 0;
      removals ||= record.removedNodes.length > 0;
    }
    if (discover || removals) onChange();
  });

  const links = new MutationObserver((records) => {
    const before = dirty.size;
    const removedBefore = removals;
    // The tree stands still while the records are read: 500 rows going in climb each ancestor once.
    const climbed = new Map<Node, boolean>();
    for (const record of records) {
      const target = record.target instanceof ShadowRoot ? record.target.host : (record.target as Element);
      if (record.attributeName) {
        const root = adapter.changedRecordRoot(target, record.attributeName);
        if (root) dirty.add(root);
      }
      for (const node of record.addedNodes) {
        if (node instanceof Element && !isOwnHost(node)) dirty.add(rootFor(node, climbed));
      }
      for (const node of record.removedNodes) {
        removals = true;
        // Lightning may have re-rendered a cell and taken our badge with it: look at its row again.
        if (node instanceof Element && isOwnHost(node)) dirty.add(rootFor(target, climbed));
      }
    }
    // Our own badges going in, or text changing, need no pass of their own.
    if (dirty.size > before || removals !== removedBefore) onChange();
  });

  /** A changed node's row or card, unless that reaches outside the holder it is in. */
  function rootFor(node: Element, climbed: Map<Node, boolean>): Element {
    const root = adapter.scanRootOf(node);
    return insideHolder(root, climbed) ? root : node;
  }

  function showPages(): void {
    pagesChanged = false;
    stages.disconnect();
    const stageElements = adapter.pageStages(document);
    // Until Lightning has drawn a stage there is nothing narrower to watch.
    if (stageElements.length === 0) stages.observe(document.documentElement, subtree);
    for (const stage of stageElements) stages.observe(stage, { childList: true });
    for (const element of adapter.pageSwitches(document)) {
      stages.observe(element, { attributes: true, attributeFilter: ['class', 'hidden'] });
    }
    const shown = adapter.shownPages(document);
    if (shown.length === pages.length && shown.every((page, i) => page === pages[i])) return;
    pages = shown;
    structure.disconnect();
    links.disconnect();
    holders = new Set();
    shadowRoots.clear();
    for (const page of pages) structure.observe(page, subtree);
    discover = true;
    removals = true;
  }

  function findHolders(): void {
    discover = false;
    const found = pages.flatMap(adapter.linkHolders);
    for (const holder of found) {
      if (holders.has(holder)) continue;
      links.observe(holder, linkChanges);
      dirty.add(holder);
    }
    holders = new Set(found);
  }

  signal.addEventListener('abort', () => {
    for (const observer of [stages, structure, links]) observer.disconnect();
  });

  return {
    take() {
      if (pagesChanged) showPages();
      if (discover) findHolders();
      known = new Map();
      const candidates = [...dirty].filter((root) => root.isConnected && insideHolder(root, known));
      dirty.clear();
      const all = new Set<Node>(candidates);
      const climbed = new Map<Node, boolean>();
      const change = {
        roots: candidates.filter((root) => !insideAny(all, root.parentNode, climbed)),
        removals,
      };
      removals = false;
      return change;
    },
    covers: (link) => link.isConnected && insideHolder(link, known),
    watchShadowRoot(root) {
      if (shadowRoots.has(root)) return;
      shadowRoots.add(root);
      links.observe(root, linkChanges);
    },
  };
}
