import { useCallback, useEffect, useState } from 'react';
import { PrecallError, request, type Send } from '../../lib/messaging/client';
import type { ResponseMap } from '../../lib/messaging/protocol';
import { loadPlacement, savePlacement } from '../../lib/preferences/panel-placement';
import type { KnownAccount } from '../../lib/salesforce/sign-in/known-accounts';
import type { OrgCheck } from '../../lib/salesforce/sign-in/sign-in-handlers';
import { MeetingReminderChoice, type ReminderSettingStore, storedReminderSetting } from './meeting-reminder-choice';
import { OAuthForm } from './oauth-form';
import { PlacementChoice, type PlacementStore } from './placement-choice';

const storedPlacement: PlacementStore = { load: loadPlacement, save: savePlacement };

/**
 * Precall's options: who is signed in to which org and how, an org check with what to do, the
 * API usage Salesforce reports, sign out and forget an org, and the OAuth sign-in for orgs that
 * refuse the browser session; where the call plan shows.
 */
export function OptionsApp({
  send,
  placement = storedPlacement,
  reminders = storedReminderSetting,
}: {
  send: Send;
  placement?: PlacementStore;
  reminders?: ReminderSettingStore;
}) {
  const [state, setState] = useState<ResponseMap['signin:accounts'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setState(await request(send, 'signin:accounts', {}));
      setError(null);
    } catch (cause) {
      setError((cause as Error).message);
    }
  }, [send]);
  useEffect(() => {
    void load();
    // An OAuth sign-in finishes in another tab: show it when the rep comes back.
    const again = () => void load();
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [load]);

  return (
    <main>
      <h1>Precall</h1>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Signed in to Salesforce</h2>
        {error && <p className="bad">{error}</p>}
        {state && state.accounts.length === 0 && (
          <p className="muted">
            Nobody yet: open an opportunity in Salesforce, and Precall signs in with that session.
          </p>
        )}
        {state?.accounts.map((account) => (
          <Account key={`${account.orgId}:${account.userId}`} account={account} send={send} onChange={load} />
        ))}
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </section>
      <OAuthForm send={send} callbackUrl={state?.callbackUrl ?? ''} />
      <PlacementChoice store={placement} />
      <MeetingReminderChoice store={reminders} />
    </main>
  );
}

function Account({ account, send, onChange }: { account: KnownAccount; send: Send; onChange(): Promise<void> }) {
  const [check, setCheck] = useState<OrgCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [forget, setForget] = useState<ResponseMap['account:forget'] | null>(null);
  const usage = check?.apiUsage ?? account.apiUsage;

  async function runCheck() {
    setCheckError(null);
    try {
      setCheck(await request(send, 'org:check', { orgId: account.orgId, userId: account.userId }));
    } catch (cause) {
      setCheckError(cause instanceof PrecallError ? cause.message : String(cause));
    }
  }

  return (
    <article className="account" aria-label={`${account.displayName} on ${account.apiOrigin}`}>
      <p>
        <strong>{account.displayName}</strong> ({account.userName}) on <code>{account.apiOrigin}</code>
        <br />
        <span data-signed-in-via={account.via}>
          {account.via === 'oauth' ? 'Signed in with OAuth' : "Signed in with this browser's Salesforce session"}
        </span>
        {account.ended && <span className="bad"> · ended: sign in again</span>}
        <span className="muted"> · confirmed {new Date(account.confirmedAt).toLocaleString()}</span>
      </p>
      {usage && (
        <p data-api-usage>
          API usage: {usage.used.toLocaleString()} of {usage.limit.toLocaleString()} calls in the last 24 hours (
          {Math.round((usage.used / Math.max(1, usage.limit)) * 100)}%), as Salesforce reported at{' '}
          {new Date(usage.at).toLocaleTimeString()}.
        </p>
      )}
      <button type="button" onClick={() => void runCheck()}>
        Check org
      </button>
      {account.via === 'oauth' && (
        <button
          type="button"
          onClick={() =>
            void request(send, 'account:sign-out', { orgId: account.orgId, userId: account.userId }).then(onChange)
          }
        >
          Sign out
        </button>
      )}
      <button
        type="button"
        className="danger"
        onClick={() => void request(send, 'account:forget', { orgId: account.orgId, confirm: false }).then(setForget)}
      >
        Forget this org
      </button>
      {checkError && <p className="bad">{checkError}</p>}
      {check && (
        <ul aria-label="Org check">
          {check.items.map((item) => (
            <li key={item.name} data-check={item.name}>
              <span className={item.ok === false ? 'bad' : item.ok ? 'ok' : 'muted'}>
                {item.ok === false ? '✗' : item.ok ? '✓' : '?'} {item.name}
              </span>
              : {item.detail}
              {item.fix && <strong> {item.fix}</strong>}
            </li>
          ))}
        </ul>
      )}
      {forget && !forget.removed && (
        <div role="alertdialog" aria-label="Forget this org">
          {forget.unsyncedPlans.length > 0 ? (
            <>
              <p className="bad">These plans have not reached Salesforce yet and will be lost:</p>
              <ul>
                {forget.unsyncedPlans.map((goal) => (
                  <li key={goal}>{goal}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Every plan of this org has reached Salesforce.</p>
          )}
          <p>
            Remove Precall's data of this org from this browser ({forget.databases.length} local database
            {forget.databases.length === 1 ? '' : 's'}) and sign out?
          </p>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void request(send, 'account:forget', { orgId: account.orgId, confirm: true }).then(async (done) => {
                setForget(done);
                await onChange();
              })
            }
          >
            Remove local data
          </button>
          <button type="button" onClick={() => setForget(null)}>
            Keep it
          </button>
        </div>
      )}
    </article>
  );
}
