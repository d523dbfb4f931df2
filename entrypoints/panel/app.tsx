import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PanelHeader } from '../../components/panel-header';
import { PanelMessage } from '../../components/panel-message';
import type { Send } from '../../lib/messaging/client';
import { summarizeOpportunity } from '../../lib/model/plan-status';
import { Editor } from './editor';
import { Plans } from './plans';
import { createPanelStore, PanelStoreContext, usePanelStore } from './store';
import { SyncPanel } from './sync-panel';
import { useNow } from './use-now';
import { useParentFrame } from './use-parent-frame';

export interface AppProps {
  /** `browser.runtime.sendMessage` in the extension; a test background in tests. */
  send: Send;
  /** The Salesforce page origin that framed the panel. */
  origin: string;
  opportunityId: string;
  now?: () => Date;
}

const systemNow = () => new Date();
const signInMessage = 'Sign in to Salesforce in this browser to use Precall';

export function App({ send, origin, opportunityId, now = systemNow }: AppProps) {
  // One store for the life of the frame; a new opportunity arrives as a message, not new props.
  const [store] = useState(() => createPanelStore({ send, origin, now }, opportunityId));
  return (
    <PanelStoreContext.Provider value={store}>
      <Panel origin={origin} now={now} />
    </PanelStoreContext.Provider>
  );
}

function Panel({ origin, now }: { origin: string; now: () => Date }) {
  const { session, plans, plansState, start, loadPlans, switchOpportunity } = usePanelStore(
    useShallow((state) => ({
      session: state.session,
      plans: state.plans,
      plansState: state.plansState,
      start: state.start,
      loadPlans: state.loadPlans,
      switchOpportunity: state.switchOpportunity,
    })),
  );
  const { collapse } = useParentFrame(origin, switchOpportunity);
  const current = useNow(now);

  useEffect(() => {
    void start();
  }, [start]);

  const summary = plansState.kind === 'ready' ? summarizeOpportunity(plans, current) : undefined;
  const userName = session.kind === 'signed-in' ? session.session.displayName : undefined;

  return (
    <div className="panel">
      <PanelHeader summary={summary} userName={userName} onCollapse={collapse} />
      <SyncPanel />
      <main className="panel-body">
        {session.kind === 'loading' && <p className="loading">Loading…</p>}
        {session.kind === 'signed-out' && (
          <PanelMessage
            message={signInMessage}
            detail={session.message === signInMessage ? undefined : session.message}
          />
        )}
        {session.kind === 'error' && <PanelMessage message={session.message} onRetry={() => void start()} />}
        {session.kind === 'signed-in' && (
          <>
            {plansState.kind === 'loading' && <p className="loading">Loading call plans…</p>}
            {plansState.kind === 'error' && (
              <PanelMessage message={plansState.message} onRetry={() => void loadPlans()} />
            )}
            {plansState.kind === 'ready' && <Plans now={current} />}
            <Editor now={current} />
          </>
        )}
      </main>
    </div>
  );
}
