import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PanelHeader } from '../../components/panel-header';
import { PanelMessage } from '../../components/panel-message';
import type { Send } from '../../lib/messaging/client';
import { summarizeOpportunity } from '../../lib/model/plan-status';
import { Editor } from './editor';
import { Plans } from './plans';
import { SignInMessage } from './sign-in-message';
import { createPanelStore, PanelStoreContext, usePanelStore } from './store';
import { SyncPanel } from './sync-panel';
import { useNow } from './use-now';
import { useParentFrame } from './use-parent-frame';

export interface AppProps {
  /** `browser.runtime.sendMessage` in the extension; a test background in tests. */
  send: Send;
  /** Opens Precall's options (OAuth sign-in); `browser.runtime.openOptionsPage` in the extension. */
  openOptions?: () => void;
  /** The Salesforce page origin that framed the panel. */
  origin: string;
  opportunityId: string;
  now?: () => Date;
}

const systemNow = () => new Date();

export function App({ send, origin, opportunityId, now = systemNow, openOptions = () => {} }: AppProps) {
  // One store for the life of the frame; a new opportunity arrives as a message, not new props.
  const [store] = useState(() => createPanelStore({ send, origin, now }, opportunityId));
  return (
    <PanelStoreContext.Provider value={store}>
      <Panel origin={origin} now={now} openOptions={openOptions} />
    </PanelStoreContext.Provider>
  );
}

function Panel({ origin, now, openOptions }: { origin: string; now: () => Date; openOptions: () => void }) {
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
          <SignInMessage code={session.code} origin={origin} onRetry={() => void start()} onOpenOptions={openOptions} />
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
