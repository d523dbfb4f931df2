import { checkApiAccess } from '../api-access-gate';
import { createContext } from '../api-context';
import { ApiError, notFound } from '../api-error';
import { statusFaultBody } from '../faults';
import { sendJson } from '../http';
import { type Route, versioned } from '../route';
import { SoqlError } from '../soql/soql-error';
import { capturedResponse, subrequestBody } from '../subrequest';

/** Salesforce's limits: 25 subrequests, of which at most 5 are queries or sObject Collections. */
export const maxSubrequests = 25;
export const maxQueryOrCollectionSubrequests = 5;

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

interface SubrequestResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

/** A fault aimed at one subrequest that stops the whole request (its connection, session or limit). */
class WholeRequestFault extends Error {
  constructor(readonly answer: 'drop' | ApiError) {
    super('fault');
  }
}

const invalid = (message: string) => ApiError.of(400, 'INVALID_INPUT', message);

/**
 * `POST /composite`: up to 25 subrequests run in order in one call, which counts once against
 * the daily limit, answered `{compositeResponse: [{body, httpHeaders, httpStatusCode, referenceId}]}`
 * with each subrequest's own status (a failed one does not fail the others when allOrNone is
 * false). Subrequests go through the same routes, access checks and injected faults as
 * requests of their own: a status or latency fault answers that subrequest; a dropped
 * connection, an expired session or an exhausted limit ends the whole request, as they would.
 * The demo org runs reads and writes this way, without references between subrequests
 * (`@{ref.field}`) or allOrNone rollback, which it refuses with a clear error.
 */
export function compositeRoute(routes: () => readonly Route[]): Route {
  return {
    method: 'POST',
    pattern: versioned('/composite/?'),
    kind: 'composite',
    access: 'api',
    async handle(ctx) {
      const subrequests = parseComposite(await ctx.json());
      const results: SubrequestResult[] = [];
      for (const subrequest of subrequests) {
        try {
          results.push(await runSubrequest(ctx, routes(), subrequest));
        } catch (error) {
          if (!(error instanceof WholeRequestFault)) throw error;
          if (error.answer === 'drop') {
            ctx.res.socket?.destroy();
            return;
          }
          throw error.answer;
        }
      }
      sendJson(ctx.res, 200, { compositeResponse: results });
    },
  };
}

function parseComposite(body: unknown): Subrequest[] {
  const raw = (body ?? {}) as { allOrNone?: unknown; compositeRequest?: unknown };
  if (raw.allOrNone === true) throw invalid('The demo org runs composite requests with allOrNone false only');
  const list = raw.compositeRequest;
  if (!Array.isArray(list) || list.length === 0) throw invalid('compositeRequest must be a non-empty array');
  if (list.length > maxSubrequests) {
    throw invalid(`Composite requests can have up to ${maxSubrequests} subrequests`);
  }
  const seen = new Set<string>();
  const subrequests = list.map((item: unknown) => {
    const sub = (item ?? {}) as Partial<Subrequest>;
    if (typeof sub.method !== 'string' || typeof sub.url !== 'string' || typeof sub.referenceId !== 'string') {
      throw invalid('Each subrequest needs a method, a url and a referenceId');
    }
    if (!/^[A-Za-z0-9_]+$/.test(sub.referenceId) || seen.has(sub.referenceId)) {
      throw invalid(`Invalid or duplicate referenceId: ${sub.referenceId}`);
    }
    seen.add(sub.referenceId);
    if (!sub.url.startsWith('/services/data/v'))
      throw invalid(`A subrequest url starts with /services/data/: ${sub.url}`);
    if (`${sub.url}${JSON.stringify(sub.body ?? '')}`.includes('@{')) {
      throw invalid('The demo org does not resolve references between subrequests (@{…})');
    }
    return sub as Subrequest;
  });
  const heavy = subrequests.filter((sub) => /\/(?:query|queryAll)\/?(?:\?|$)|\/composite\/sobjects/.test(sub.url));
  if (heavy.length > maxQueryOrCollectionSubrequests) {
    throw invalid(
      `Composite requests can have up to ${maxQueryOrCollectionSubrequests} query or sObject Collections subrequests`,
    );
  }
  return subrequests;
}

async function runSubrequest(
  parent: Parameters<Route['handle']>[0],
  routes: readonly Route[],
  sub: Subrequest,
): Promise<SubrequestResult> {
  const url = new URL(sub.url, 'http://localhost');
  const method = sub.method.toUpperCase();
  const found = findApiRoute(routes, method, url.pathname);
  const res = capturedResponse();
  const result = (): SubrequestResult => ({ ...res.answer(), referenceId: sub.referenceId });
  if (!found) {
    sendJson(res.response, 404, notFound().errors);
    return result();
  }
  const headers = Object.fromEntries(Object.entries(sub.httpHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const ctx = createContext({
    req: subrequestBody(method, sub.url, headers, sub.body),
    res: res.response,
    url,
    params: found.params,
    state: parent.state,
    origin: parent.origin,
    session: parent.session,
  });
  const { state } = parent;
  for (const fault of state.faults.matching(ctx.facts)) {
    state.faults.fire(fault);
    if (fault.kind === 'latency') {
      await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 0));
      continue;
    }
    if (fault.kind === 'drop') throw new WholeRequestFault('drop');
    if (fault.kind === 'unauthorized')
      throw new WholeRequestFault(ApiError.of(401, 'INVALID_SESSION_ID', 'Session expired or invalid'));
    if (fault.kind === 'limit') {
      const { max } = state.org.limits;
      parent.res.setHeader('Sforce-Limit-Info', `api-usage=${max}/${max}`);
      throw new WholeRequestFault(ApiError.of(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
    }
    sendJson(res.response, fault.status ?? 503, statusFaultBody(fault.status ?? 503, fault.message));
    return result();
  }
  try {
    if (parent.session) await checkApiAccess(ctx, parent.session);
    await found.route.handle(ctx);
  } catch (error) {
    if (error instanceof ApiError) sendJson(res.response, error.status, error.errors);
    else if (error instanceof SoqlError) sendJson(res.response, error.statusCode, error.toBody());
    else throw error;
  }
  return result();
}

function findApiRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    // Only the data API, and no composite inside a composite.
    if (route.access !== 'api' || route.kind === 'composite' || route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: decodeGroups(match.groups ?? {}) };
  }
  return undefined;
}

function decodeGroups(groups: Record<string, string | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups)) {
    if (value === undefined) continue;
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      params[name] = value;
    }
  }
  return params;
}
