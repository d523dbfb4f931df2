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
  onOpenPlan?(): void;
}

/**
 * Badges on one Lightning page until `signal` aborts: every change the watcher notes and every
 * summary that arrives is handled in the next frame, in one pass, and the ids it found go to
 * the background in one message. A page that throws while being read gets no badges; Lightning
 * is never disturbed.
 */
export function startBadgeEngine(options: BadgeEngineOptions): void {
  const { document, adapter, signal } = options;
  const ownOpportunity = adapter.opportunityOfPage(options.url);
  const arrived = new Set<string>();
  const schedule = createFrameTask(run, signal, document.defaultView ?? window);
  const source = options.createSource((ids) => {
    for (const id of ids) arrived.add(id);
    schedule();
  });
  const decorator = createDecorator({ document, source, onOpenPlan: options.onOpenPlan ?? (() => {}) });
  const watcher = createPageWatcher({ document, adapter, signal, onChange: schedule });

  function run(): void {
    // `npm run bench` reads how long a pass that draws arrived summaries holds the main thread;
    // the demo build only, so Salesforce's page never carries it.
    const measured = import.meta.env.MODE === 'demo' ? arrived.size : 0;
    const started = measured ? performance.now() : 0;
    try {
      const change = watcher.take();
      if (change.removals) decorator.sweep(watcher.covers);
      for (const root of change.roots) {
        const found = adapter.opportunityLinks(root, watcher.watchShadowRoot);
        decorator.reconcile(
          root,
          found.filter((link) => link.opportunityId !== ownOpportunity),
        );
      }
      if (arrived.size > 0) {
        decorator.refresh(arrived);
        arrived.clear();
      }
      source.flush();
    } catch (error) {
      // A page whose structure changed under us: no badges there, and nothing thrown into Lightning.
      console.warn('Precall badges:', error);
    }
    if (measured) performance.measure('precall:badges-drawn', { start: started, detail: measured });
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
