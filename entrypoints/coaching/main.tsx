import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelMessage } from '../../components/panel-message';
import '../panel/panel.css';
import { CoachingApp } from './coaching-app';
import { coachingOrigin } from './coaching-origin';
import { takeFirstReport } from './first-report';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** The coaching view in a tab of its own. */
function CoachingTab() {
  const [origin, setOrigin] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    coachingOrigin(location.search, send).then(setOrigin, () => setOrigin(null));
  }, []);
  if (origin === undefined) return <PanelMessage message="Loading…" />;
  if (origin === null) {
    return (
      <main>
        <PanelMessage
          message="Sign in to Salesforce to see your coaching numbers."
          detail="Open Salesforce in a tab, then open the coaching view from Precall's side panel."
        />
      </main>
    );
  }
  return <CoachingApp send={send} origin={origin} firstReport={takeFirstReport()} />;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CoachingTab />
    </StrictMode>,
  );
}
