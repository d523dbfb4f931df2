import { useState } from 'react';
import { request, type Send } from '../../lib/messaging/client';

const loginHosts = [
  { value: 'https://login.salesforce.com', label: 'Production (login.salesforce.com)' },
  { value: 'https://test.salesforce.com', label: 'Sandbox (test.salesforce.com)' },
  { value: 'my-domain', label: 'My Domain (your org’s own address)' },
];

/**
 * OAuth for orgs under API Access Control: the consumer key of the org's External Client App
 * and where to sign in. The authorize page opens in a tab of this browser, already signed in.
 */
export function OAuthForm({ send, callbackUrl }: { send: Send; callbackUrl: string }) {
  const [host, setHost] = useState(loginHosts[0]?.value ?? '');
  const [myDomain, setMyDomain] = useState('');
  const [clientId, setClientId] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  async function start() {
    setMessage(null);
    try {
      await request(send, 'oauth:start', { loginUrl: host === 'my-domain' ? myDomain.trim() : host, clientId });
      setMessage('Salesforce opened in a new tab: approve there, then come back.');
    } catch (error) {
      setMessage((error as Error).message);
    }
  }

  return (
    <section aria-labelledby="oauth-heading">
      <h2 id="oauth-heading">Sign in with OAuth</h2>
      <p className="muted">
        For orgs whose admin turned on API Access Control. Your admin creates an External Client App with the callback
        URL <code data-callback-url>{callbackUrl}</code>, OAuth scopes “api” and “refresh_token”, PKCE required and no
        client secret, and gives you its consumer key.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <label htmlFor="login-host">Sign in at</label>
        <select id="login-host" value={host} onChange={(event) => setHost(event.target.value)}>
          {loginHosts.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {host === 'my-domain' && (
          <>
            <label htmlFor="my-domain">My Domain URL</label>
            <input
              id="my-domain"
              type="url"
              placeholder="https://acme.my.salesforce.com"
              value={myDomain}
              onChange={(event) => setMyDomain(event.target.value)}
            />
          </>
        )}
        <label htmlFor="consumer-key">Consumer key</label>
        <input id="consumer-key" value={clientId} onChange={(event) => setClientId(event.target.value)} />
        <p>
          <button type="submit">Sign in with Salesforce</button>
        </p>
        {message && <p role="status">{message}</p>}
      </form>
    </section>
  );
}
