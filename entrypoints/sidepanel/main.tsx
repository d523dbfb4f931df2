import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelMessage } from '../../components/panel-message';
import { savePlacement } from '../../lib/preferences/panel-placement';
import { App, type PanelHost } from '../panel/app';
import '../panel/panel.css';
import { CoachingApp } from '../coaching/coaching-app';
import { coachingOrigin } from '../coaching/coaching-origin';
import { SidePanelTabs, type SidePanelView } from './side-panel-tabs';
import { useActiveTab } from './use-active-tab';

const host: PanelHost = {
  collapseLabel: 'Close the side panel',
  onCollapse: () => window.close(),
  switchPlacementLabel: 'Dock Precall in the page instead',
  onSwitchPlacement: () => {
    void savePlacement('dock').then(() => window.close());
  },
};

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** Chrome's side panel: the call plan of the active tab's opportunity, or the coaching view. */
function SidePanel() {
  const [view, setView] = useState<SidePanelView>('call-plan');
  return (
    <div className="side-panel">
      <SidePanelTabs view={view} onChange={setView} />
      {view === 'coaching' ? <SidePanelCoaching /> : <SidePanelCallPlan />}
    </div>
  );
}

/** The coaching view for the org of the tab beside the panel, or of the last sign-in elsewhere. */
function SidePanelCoaching() {
  const page = useActiveTab();
  const [origin, setOrigin] = useState<string | null | undefined>(undefined);
  const tabOrigin = page && page.kind !== 'elsewhere' ? page.origin : null;
  useEffect(() => {
    if (tabOrigin) setOrigin(tabOrigin);
    else coachingOrigin('', send).then(setOrigin, () => setOrigin(null));
  }, [tabOrigin]);
  if (origin === undefined) return <PanelMessage message="Loading…" />;
  if (origin === null) return <PanelMessage message="Sign in to Salesforce to see your coaching numbers." />;
  const fullPage = `${browser.runtime.getURL('/coaching.html')}?origin=${encodeURIComponent(origin)}`;
  return (
    <CoachingApp
      key={origin}
      send={send}
      origin={origin}
      headerActions={
        <a className="button" href={fullPage} target="_blank" rel="noreferrer">
          Open in a tab
        </a>
      }
    />
  );
}

function SidePanelCallPlan() {
  const page = useActiveTab();
  if (!page) return <PanelMessage message="Loading…" />;
  if (page.kind === 'elsewhere') {
    return (
      <PanelMessage
        message="Precall plans calls on Salesforce opportunities."
        detail="Open an opportunity in Salesforce in this window and its call plans show here."
      />
    );
  }
  if (page.kind === 'salesforce') {
    return (
      <PanelMessage
        message="Open an opportunity to plan a call."
        detail="Precall follows this tab: the call plans of the opportunity you open show here."
      />
    );
  }
  // One panel per org: another org's tab gets a panel (and a database) of its own.
  return (
    <App
      key={page.origin}
      send={(message) => browser.runtime.sendMessage(message)}
      origin={page.origin}
      opportunityId={page.opportunityId}
      pageTitle={page.title ?? undefined}
      host={host}
      openOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SidePanel />
    </StrictMode>,
  );
}
