import { useCallback, useEffect } from 'react';
import { collapseMessage, opportunityIdOf } from '../../lib/messaging/frame-messages';

/**
 * Talks with the content script that framed the panel. Only the framing window on the
 * Salesforce origin may steer it: any other page could post a message to this frame.
 */
export function useParentFrame(origin: string, onOpportunity: (opportunityId: string) => void): { collapse(): void } {
  useEffect(() => {
    const controller = new AbortController();
    window.addEventListener(
      'message',
      (event: MessageEvent) => {
        if (event.source !== window.parent || event.origin !== origin) return;
        const opportunityId = opportunityIdOf(event.data);
        if (opportunityId) onOpportunity(opportunityId);
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }, [origin, onOpportunity]);

  const collapse = useCallback(() => window.parent.postMessage(collapseMessage, origin), [origin]);
  return { collapse };
}
