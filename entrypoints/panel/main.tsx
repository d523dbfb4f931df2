import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelMessage } from '../../components/panel-message';
import { normalizeRecordId } from '../../lib/model/record-id';
import { DockedPanel } from './docked-panel';
import './panel.css';

/** The content script frames `panel.html?origin=…&opportunityId=…`; both are checked, not trusted. */
function readFrameParams(search: string): { origin: string; opportunityId: string } | null {
  const params = new URLSearchParams(search);
  const opportunityId = normalizeRecordId(params.get('opportunityId') ?? '');
  let origin: string;
  try {
    origin = new URL(params.get('origin') ?? '').origin;
  } catch {
    return null;
  }
  return opportunityId ? { origin, opportunityId } : null;
}

const root = document.getElementById('root');
if (root) {
  const params = readFrameParams(location.search);
  createRoot(root).render(
    <StrictMode>
      {params ? (
        <DockedPanel
          send={(message) => browser.runtime.sendMessage(message)}
          openOptions={() => void browser.runtime.openOptionsPage()}
          origin={params.origin}
          opportunityId={params.opportunityId}
        />
      ) : (
        <PanelMessage message="Open Precall from a Salesforce opportunity." />
      )}
    </StrictMode>,
  );
}
