import type { FeatureInstance, PageFeature } from './page-feature';

interface Running {
  controller: AbortController;
  instance: FeatureInstance | undefined;
}

/**
 * Starts, follows and stops features as Lightning's single-page navigation moves on. Call
 * `navigate` with every new URL; `signal` ends everything (the content script was invalidated).
 */
export function createFeatureRunner(features: readonly PageFeature[], signal: AbortSignal) {
  const running = new Map<PageFeature, Running>();
  let current = '';

  signal.addEventListener('abort', () => {
    for (const { controller } of running.values()) controller.abort();
    running.clear();
  });

  return function navigate(url: URL): void {
    if (signal.aborted || url.href === current) return;
    current = url.href;
    for (const feature of features) {
      const active = running.get(feature);
      const applies = safely(feature, () => feature.appliesTo(url)) ?? false;
      if (active && applies && active.instance?.follow) {
        safely(feature, () => active.instance?.follow?.(url));
        continue;
      }
      if (active) {
        active.controller.abort();
        running.delete(feature);
      }
      if (!applies) continue;
      const controller = new AbortController();
      const instance = safely(feature, () => feature.start(url, controller.signal));
      running.set(feature, { controller, instance });
    }
  };
}

/** One failing feature must not take the others, or Lightning, down with it. */
function safely<T>(feature: PageFeature, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    console.error(`Precall: ${feature.name} failed`, error);
    return undefined;
  }
}
