import type { ApiContext } from './api-context';

/**
 * One endpoint. `access` decides the pipeline: `api` needs a session and counts against the
 * daily limit (Sforce-Limit-Info on the answer), `public` needs neither (versions list, OAuth),
 * `demo` is a control endpoint that exists only in demo mode.
 */
export interface Route {
  method: string;
  pattern: RegExp;
  /** The name stats count it under. */
  kind: string;
  access: 'api' | 'public' | 'demo';
  /** Identity accepts the token as `oauth_token` in the query string too. */
  tokenInQuery?: boolean;
  handle(ctx: ApiContext): Promise<void> | void;
}

/** A route under `/services/data/vNN.N`; the version becomes the `version` parameter. */
export function versioned(path: string): RegExp {
  return new RegExp(`^/services/data/v(?<version>\\d+\\.\\d+)${path}$`);
}
