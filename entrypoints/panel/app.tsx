import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PanelHeader } from '../../components/panel-header';
import { PanelMessage } from '../../components/panel-message';
import type { Send } from '../../lib/messaging/client';
import { summarizeOpportunity } from '../../lib/model/plan-status';
import { Editor } from './editor';
import { Plans } from './plans';
import { SignInMessage } from './sign-in-message';
import { createPanelStore, type PanelStore, PanelStoreContext, usePanelStore } from './store';
import { SyncPanel } from './sync-panel';
import { useNow } from './use-now';

/** What the place showing the panel (the dock in the page, Chrome's side panel) offers in its header. */
export interface PanelHost {
  collapseLabel: string;
  onCollapse(): void;
  switchPlacementLabel?: string;
  onSwitchPlacement?(): void;
}

export interface AppProps {
  /** `browser.runtime.sendMessage` in the extension; a test background in tests. */
  send: Send;
  /** Opens Precall's options (OAuth sign-in); `browser.runtime.openOptionsPage` in the extension. */
  openOptions?: () => void;
  /** The Salesforce page origin the panel works for. */
  origin: string;
  /** The opportunity shown; a new one switches the panel without losing what was typed. */
  opportunityId: string;
  host?: PanelHost;
  /** The record's name as the page titles it, shown until Salesforce's own copy is known. */
  pageTitle?: string;
  now?: () => Date;
  /** A store made by the host, which can then switch the opportunity without waiting for a render. */
  store?: PanelStore;
}

const systemNow = () => new Date();
const noHost: PanelHost = { collapseLabel: 'Collapse Precall', onCollapse: () => {} };

export function App({
  send,
  origin,
  opportunityId,
  host = noHost,
  pageTitle,
  now = systemNow,
  openOptions = () => {},
  store: given,
}: AppProps) {
  // One store for the life of the panel on one org; a new opportunity switches it, not replaces it.
  const [store] = useState(() => given ?? createPanelStore({ send, origin, now }, opportunityId));
  useEffect(() => {
    store.getState().switchOpportunity(opportunityId);
  }, [store, opportunityId]);
  return (
    <PanelStoreContext.Provider value={store}>
      <Panel origin={origin} host={host} now={now} pageTitle={pageTitle} openOptions={openOptions} />
    </PanelStoreContext.Provider>
  );
}

function Panel({
  origin,
  host,
  now,
  pageTitle,
  openOptions,
}: {
  origin: string;
  host: PanelHost;
  now: () => Date;
  pageTitle?: string;
  openOptions: () => void;
}) {
  const { session, plans, plansState, context, start, loadPlans } = usePanelStore(
    useShallow((state) => ({
      session: state.session,
      plans: state.plans,
      plansState: state.plansState,
      context: state.context,
      start: state.start,
      loadPlans: state.loadPlans,
    })),
  );
  const current = useNow(now);

  useEffect(() => {
    void start();
  }, [start]);

  const summary = plansState.kind === 'ready' ? summarizeOpportunity(plans, current) : undefined;
  const userName = session.kind === 'signed-in' ? session.session.displayName : undefined;

  return (
    <div className="panel">
      <PanelHeader summary={summary} context={context} userName={userName} pageTitle={pageTitle} {...host} />
      <SyncPanel origin={origin} onOpenOptions={openOptions} />
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
