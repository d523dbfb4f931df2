import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelMessage } from '../../components/panel-message';
import '../panel/panel.css';
import { CoachingApp } from './coaching-app';
import { coachingOrigin, namedOrigin } from './coaching-origin';
import { type FirstReport, takeFirstReport, whenToRender } from './first-report';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** The coaching view in a tab of its own. */
function CoachingTab({ firstReport }: { firstReport: FirstReport | undefined }) {
  // A page opened for a named org renders the view in its first commit, over the early report.
  const [origin, setOrigin] = useState<string | null | undefined>(() => namedOrigin(location.search));
  useEffect(() => {
    if (origin === undefined) coachingOrigin(location.search, send).then(setOrigin, () => setOrigin(null));
  }, [origin]);
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
  return <CoachingApp send={send} origin={origin} firstReport={firstReport} />;
}

const root = document.getElementById('root');
const firstReport = takeFirstReport();
// React's first commit replaces whatever the root holds (whenToRender says when).
if (root) {
  whenToRender(firstReport, afterNextPaint).then(() =>
    createRoot(root).render(
      <StrictMode>
        <CoachingTab firstReport={firstReport} />
      </StrictMode>,
    ),
  );
}

function afterNextPaint(): Promise<void> {
  return new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
}
