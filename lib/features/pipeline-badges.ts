import { browser } from 'wxt/browser';
import { lightning } from '../salesforce/lightning/adapter';
import { isLightningPage } from '../salesforce/lightning/page-detection';
import type { PageFeature } from './page-feature';
import { startBadgeEngine } from './pipeline-badges/badge-engine';
import { createBadgeSource } from './pipeline-badges/badge-source';
import { saveCollapsed } from './record-panel/collapsed-preference';

/**
 * Plan-against-outcome badges after every opportunity link a manager browses in Lightning: list
 * views, Kanban, related lists, search, home, lookups and the console. Restarted on every
 * navigation, so each page gets its badges afresh from the background.
 */
export const pipelineBadges: PageFeature = {
  name: 'pipeline-badges',
  appliesTo: isLightningPage,
  start(url, signal) {
    startBadgeEngine({
      document,
      adapter: lightning,
      url,
      signal,
      createSource: (onSummaries) =>
        createBadgeSource({
          send: (message) => browser.runtime.sendMessage(message),
          messages: browser.runtime.onMessage,
          origin: location.origin,
          onSummaries,
          signal,
        }),
      // "Open call plan" opens the record page with its panel unfolded.
      onOpenPlan: () => void saveCollapsed(false),
    });
    return undefined;
  },
};
