import { useCallback, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Send } from '../../lib/messaging/client';
import { savePlacement } from '../../lib/preferences/panel-placement';
import { App, type PanelHost } from './app';
import { createPanelStore } from './store';
import { useParentFrame } from './use-parent-frame';

/** The panel docked in a Salesforce page: the page says which opportunity, the panel can fold or move. */
export function DockedPanel({
  send,
  origin,
  opportunityId: first,
  now,
  openOptions,
}: {
  send: Send;
  openOptions?: () => void;
  origin: string;
  opportunityId: string;
  now?: () => Date;
}) {
  const [opportunityId, setOpportunityId] = useState(first);
  const [store] = useState(() => createPanelStore({ send, origin, now: now ?? (() => new Date()) }, first));
  // The page moved on: the plans are asked for in this task, not after React's next render and paint.
  const follow = useCallback(
    (next: string) => {
      store.getState().switchOpportunity(next);
      setOpportunityId(next);
    },
    [store],
  );
  const { collapse } = useParentFrame(origin, follow);
  const host = useMemo<PanelHost>(
    () => ({
      collapseLabel: 'Collapse Precall',
      onCollapse: collapse,
      switchPlacementLabel: "Move Precall to Chrome's side panel",
      onSwitchPlacement: () => {
        // Opened first, while the click still counts as a gesture; the page then folds its dock away.
        void browser.sidePanel
          ?.open({ windowId: browser.windows.WINDOW_ID_CURRENT })
          .catch((error: Error) => console.warn('Precall: the side panel did not open', error));
        void savePlacement('side-panel');
      },
    }),
    [collapse],
  );
  return (
    <App
      send={send}
      origin={origin}
      opportunityId={opportunityId}
      host={host}
      now={now}
      openOptions={openOptions}
      store={store}
    />
  );
}
