import { pipelineBadges } from '../../lib/features/pipeline-badges';
import { recordPanel } from '../../lib/features/record-panel';
import { createFeatureRunner } from '../../lib/features/run-features';
import { lightningMatches } from '../../lib/salesforce/hosts';

/** Polling catches navigations the Navigation API does not report across worlds. */
const locationPollMs = 500;

export default defineContentScript({
  matches: [...lightningMatches],
  runAt: 'document_idle',
  main(ctx) {
    const navigate = createFeatureRunner([recordPanel, pipelineBadges], ctx.signal);
    navigate(new URL(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => navigate(newUrl));
    ctx.addEventListener(window, 'popstate', () => navigate(new URL(location.href)));
    ctx.setInterval(() => navigate(new URL(location.href)), locationPollMs);
  },
});
