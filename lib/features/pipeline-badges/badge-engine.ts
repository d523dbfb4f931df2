import type { PageAdapter } from '../../salesforce/lightning/adapter';
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
}

/** Set on the page's root element by the badges bench (tests/bench/figures/badges.ts). */
export const badgesBenchAttribute = 'data-precall-bench-badges';

/**
 * Badges on one Lightning page until `signal` aborts: every change the watcher notes and every
 * summary that arrives is handled in the next frame, in one pass, and the ids it found go to
 * the background in one message. Every badge near the viewport that was waiting for its summary
 * goes in within that one frame, so the page lays those rows out once, not once per batch; the
 * others go in as their links come within a screen of the viewport, before they are seen. A page that throws while being
 * read gets no badges; Lightning is never disturbed.
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
      const change = watcher.take();
      if (change.removals) decorator.sweep(watcher.covers);
      const found = change.roots.flatMap((root) => adapter.opportunityLinks(root, watcher.watchShadowRoot));
      decorator.reconcile(
        new Set(change.roots),
        found.filter((link) => link.opportunityId !== ownOpportunity),
      );
      decorator.draw(arrived);
      arrived.clear();
      source.flush();
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
