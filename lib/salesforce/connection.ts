import { Connection } from 'jsforce';
import { to18 } from '../model/record-id';
import { apiVersion } from './api-version';
import { createFetchTransport } from './fetch-transport';
import type { Identity } from './resolve-session';

/** A jsforce connection on the org's API host. Lives in the background only: it holds the token. */
export function createConnection(apiOrigin: string, accessToken: string): Connection {
  const connection = new Connection({ instanceUrl: apiOrigin, accessToken, version: apiVersion });
  // Every API call of this connection goes through a transport that reports network failures.
  (connection as unknown as { _transport: unknown })._transport = createFetchTransport();
  return connection;
}

export async function fetchIdentity(apiOrigin: string, accessToken: string): Promise<Identity> {
  const identity = await createConnection(apiOrigin, accessToken).identity();
  return {
    orgId: to18(identity.organization_id),
    userId: to18(identity.user_id),
    userName: identity.username,
    displayName: identity.display_name,
  };
}
