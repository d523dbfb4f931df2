import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelMessage } from '../../components/panel-message';
import { savePlacement } from '../../lib/preferences/panel-placement';
import { App, type PanelHost } from '../panel/app';
import '../panel/panel.css';
import { useActiveTab } from './use-active-tab';

const host: PanelHost = {
  collapseLabel: 'Close the side panel',
  onCollapse: () => window.close(),
  switchPlacementLabel: 'Dock Precall in the page instead',
  onSwitchPlacement: () => {
    void savePlacement('dock').then(() => window.close());
  },
};

/** Chrome's side panel: the call plan of whatever opportunity the active tab shows. */
function SidePanel() {
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
