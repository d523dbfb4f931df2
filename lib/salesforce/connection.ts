import { Connection } from 'jsforce';
import { to18 } from '../model/record-id';
import { apiVersion, callOptions } from './api-version';
import { createFetchTransport } from './fetch-transport';
import type { Identity } from './resolve-session';

export interface ApiUsage {
  used: number;
  limit: number;
}

export interface ConnectionOptions {
  /** The version the org knows (api-version.ts); Precall's own otherwise. */
  version?: string;
  /** Called with the API usage Salesforce reports on each answer (`Sforce-Limit-Info`). */
  onApiUsage?(usage: ApiUsage): void;
}

// Kept on the connection itself, by a registered symbol: the worker's start-up script makes
// connections that the separately bundled sync script reads, each with its own copy of this module.
const answeredAt = Symbol.for('precall:answeredAt');
type Answered = { [answeredAt]?: Date };

/** A jsforce connection on the org's API host. Lives in the background only: it holds the token. */
export function createConnection(apiOrigin: string, accessToken: string, options: ConnectionOptions = {}): Connection {
  const connection = new Connection({
    instanceUrl: apiOrigin,
    accessToken,
    version: options.version ?? apiVersion,
    // Sforce-Call-Options: admins see Precall's calls by name in their event logs.
    callOptions,
  });
  const onResponse = (headers: Record<string, string>) => {
    const at = Date.parse(headers.date ?? '');
    if (!Number.isNaN(at)) (connection as unknown as Answered)[answeredAt] = new Date(at);
    const usage = options.onApiUsage ? apiUsageOf(headers['sforce-limit-info']) : null;
    if (usage) options.onApiUsage?.(usage);
  };
  // Every API call of this connection goes through a transport that reports network failures.
  (connection as unknown as { _transport: unknown })._transport = createFetchTransport(fetch, undefined, onResponse);
  return connection;
}

/**
 * When Salesforce last answered on this connection, by Salesforce's own clock (the `Date`
 * header, to the second): the clock its SystemModstamps are on, which the browser's need not be.
 */
export function lastAnsweredAt(connection: object | null): Date | null {
  return (connection as Answered | null)?.[answeredAt] ?? null;
}

/**
 * `api-usage=18/15000` → `{used: 18, limit: 15000}`: the org's daily usage, never a connected
 * app's `per-app-api-usage=…` beside it, in whichever order they come.
 */
export function apiUsageOf(header: string | undefined): ApiUsage | null {
  const match = /(?:^|[^\w-])api-usage=(\d+)\/(\d+)/.exec(header ?? '');
  return match ? { used: Number(match[1]), limit: Number(match[2]) } : null;
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
