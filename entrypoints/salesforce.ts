import { followPage } from '../lib/features/follow-page';
import { pipelineBadges } from '../lib/features/pipeline-badges';
import { recordPanel } from '../lib/features/record-panel';
import { createFeatureRunner } from '../lib/features/run-features';

/**
 * The content script on Salesforce's pages, listed in the manifest by wxt.config.ts. An unlisted
 * script rather than WXT's content script: WXT wraps those in a context class, a location watcher
 * and its loggers, a sixth of the 8 KB budget evaluated on every Salesforce page, for what
 * `followPage` does here: follow the page's URL and stop when the extension goes.
 */
export default defineUnlistedScript(() => {
  const lifetime = new AbortController();
  followPage(createFeatureRunner([recordPanel, pipelineBadges], lifetime.signal), lifetime, {
    window,
    extensionId: () => browser.runtime?.id,
    pollMs: 500,
  });
});
