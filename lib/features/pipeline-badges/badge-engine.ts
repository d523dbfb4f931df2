import type { OpportunityLink, PageAdapter } from '../../salesforce/lightning/adapter';
import { createDecorator } from './badge-decorator';
import type { BadgeSource } from './badge-source';
import { createFrameTask } from './frame-task';
import { createPageWatcher } from './page-watcher';

export interface BadgeEngineOptions {
  document: Document;
  adapter: PageAdapter;
  url: URL;
  signal: AbortSignal;
  /** The data source; `onSummaries` is how it says summaries arrived. */
  createSource(onSummaries: (opportunityIds: string[]) => void): BadgeSource;
  onOpenPlan(): void;
  /** The clock a pass holds against its budget; `performance.now` unless a test moves time itself. */
  now?: () => number;
}

/**
 * Script a pass may spend looking at changed rows and cards before the rest wait for the next
 * frame: half a frame, so Chromium lays the frame out and paints it in the other half.
 */
export const passBudgetMs = 8;

/** Set on the page's root element by the badges bench (tests/bench/figures/badges.ts). */
export const badgesBenchAttribute = 'data-precall-bench-badges';

/**
 * Badges on one Lightning page until `signal` aborts: every change the watcher notes and every
 * summary that arrives is handled in the next frame, in one pass of at most `passBudgetMs` of
 * looking at changed rows (a longer list goes on in the frames after), and the ids found go to
 * the background in one message once every changed row has been looked at. Every badge near the
 * viewport that was waiting for its summary goes in within that one frame, so the page lays those
 * rows out once, not once per batch; the others go in as their links come within a screen of the
 * viewport, before they are seen. A page that throws while being read gets no badges; Lightning
 * is never disturbed.
 */
export function startBadgeEngine(options: BadgeEngineOptions): void {
  const { document, adapter, signal } = options;
  const ownOpportunity = adapter.opportunityOfPage(options.url);
  const arrived = new Set<string>();
  const schedule = createFrameTask(run, signal);
  const refresh = (ids: string[]) => {
    for (const id of ids) arrived.add(id);
    schedule();
  };
  const source = options.createSource(refresh);
  const decorator = createDecorator({
    document,
    source,
    onNear: schedule,
    onOpenPlan: options.onOpenPlan,
  });
  const watcher = createPageWatcher({ document, adapter, signal, onChange: schedule });
  const now = options.now ?? (() => performance.now());
  /** Changed rows and cards not looked at yet: a pass stops at its budget and the next goes on. */
  const pending = new Set<Element | ShadowRoot>();

  function run(): void {
    // `npm run bench` reads how long each pass holds the main thread together with the style,
    // layout and paint of the frame it runs in (a task posted now runs once that frame is
    // rendered); the demo build only, so Salesforce's page never carries it, and only where the
    // badges bench marks the page, so the page-cost bench measures the pass alone.
    if (import.meta.env.MODE === 'demo' && document.documentElement.hasAttribute(badgesBenchAttribute)) {
      const started = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.measure('precall:badges-drawn', { start: started });
      channel.port2.postMessage(0);
    }
    try {
      const started = now();
      const change = watcher.take();
      if (change.removals) decorator.sweep(watcher.covers);
      for (const root of change.roots) pending.add(root);
      const roots = new Set<Node>();
      const found: OpportunityLink[] = [];
      for (const root of pending) {
        pending.delete(root);
        if (!root.isConnected) continue;
        roots.add(root);
        for (const link of adapter.opportunityLinks(root, watcher.watchShadowRoot)) {
          if (link.opportunityId !== ownOpportunity) found.push(link);
        }
        if (pending.size > 0 && now() - started >= passBudgetMs) {
          schedule();
          break;
        }
      }
      decorator.reconcile(roots, found);
      decorator.draw(arrived);
      arrived.clear();
      // A list's ids go in one message: none while some of its rows are still to be looked at.
      if (pending.size === 0) source.flush();
    } catch (error) {
      // A page whose structure changed under us: no badges there, and nothing thrown into Lightning.
      console.warn(error);
    }
  }

  // Plans may have changed while the tab was in the background (the rep logged an outcome).
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'visible') source.refresh(decorator.opportunityIds());
    },
    { signal },
  );
  signal.addEventListener('abort', () => decorator.clear(), { once: true });
  schedule();
}
