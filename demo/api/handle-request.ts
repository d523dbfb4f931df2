import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkApiAccess } from './api-access-gate';
import { createContext } from './api-context';
import { ApiError, invalidSession, methodNotAllowed, notFound, requestLimitExceeded } from './api-error';
import type { ApiState } from './api-state';
import { applyCors } from './cors';
import { type Fault, statusFaultBody } from './faults';
import { originOf, sendJson } from './http';
import type { Route } from './route';
import { SoqlError } from './soql/soql-error';

/**
 * The request pipeline for every path the API owns (`/services/…`, `/id/…`, `/__demo/…`):
 * CORS, routing, session, injected faults, the daily limit and its header, then the handler.
 * Returns false for other paths, which the pages handler serves.
 */
export function createApiHandler(state: ApiState, routes: readonly Route[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const isControl = path === '/__demo' || path.startsWith('/__demo/');
    if (!isControl && !path.startsWith('/services/') && path !== '/services' && !path.startsWith('/id/')) return false;
    const method = (req.method ?? 'GET').toUpperCase();
    if (!isControl) applyCors(res);
    if (method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return true;
    }
    try {
      const found = findRoute(routes, method, path);
      if (!found || (found.route.access === 'demo' && !state.demoMode)) throw notFound();
      await run(state, found.route, found.params, req, res, url);
    } catch (error) {
      writeError(res, error);
    }
    return true;
  };
}

async function run(
  state: ApiState,
  route: Route,
  params: Record<string, string>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const token = tokenOf(req, url, route.tokenInQuery === true);
  const session = token ? (state.org.sessionFor(token) ?? null) : null;
  // Dated by the org's clock, as Salesforce dates its answers by its own: SystemModstamps and
  // this header are on the same clock, even when a test moves it.
  res.setHeader('Date', state.org.clock.now().toUTCString());
  const ctx = createContext({ req, res, url, params, state, origin: originOf(req), session });
  if (route.access !== 'demo') state.stats.count(route.kind, session?.user.Username ?? null);
  if (route.access !== 'demo' && (await applyFaults(state, ctx.facts, route, res))) return;
  if (route.access === 'api') {
    if (!session) throw invalidSession();
    await checkApiAccess(ctx, session);
    const { limits } = state.org;
    if (limits.used >= limits.max) {
      res.setHeader('Sforce-Limit-Info', `api-usage=${limits.used}/${limits.max}`);
      throw requestLimitExceeded();
    }
    limits.used += 1;
    res.setHeader('Sforce-Limit-Info', `api-usage=${limits.used}/${limits.max}`);
  }
  await route.handle(ctx);
}

/** Applies request-level faults in the order they were added; true when one answered. */
async function applyFaults(
  state: ApiState,
  facts: Parameters<ApiState['faults']['matching']>[0],
  route: Route,
  res: ServerResponse,
): Promise<boolean> {
  for (const fault of state.faults.matching(facts)) {
    state.faults.fire(fault);
    if (fault.kind === 'latency') {
      await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 0));
      continue;
    }
    answerFault(state, fault, route, res);
    return true;
  }
  return false;
}

function answerFault(state: ApiState, fault: Fault, route: Route, res: ServerResponse): void {
  switch (fault.kind) {
    case 'drop':
      res.socket?.destroy();
      return;
    case 'unauthorized':
      // Only this answer is faked: the session itself stays valid, so a retry succeeds.
      writeError(res, invalidSession());
      return;
    case 'limit': {
      const { max } = state.org.limits;
      res.setHeader('Sforce-Limit-Info', `api-usage=${max}/${max}`);
      writeError(res, requestLimitExceeded());
      return;
    }
    default: {
      const status = fault.status ?? 503;
      if (route.access === 'api') {
        const { used, max } = state.org.limits;
        res.setHeader('Sforce-Limit-Info', `api-usage=${used}/${max}`);
      }
      sendJson(res, status, statusFaultBody(status, fault.message));
    }
  }
}

function tokenOf(req: IncomingMessage, url: URL, allowQuery: boolean): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
    if (match?.[1]) return match[1].trim();
  }
  return allowQuery ? url.searchParams.get('oauth_token') : null;
}

function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
      return { route, params: decodeParams(match.groups ?? {}) };
    }
    allowed.push(route.method);
  }
  if (allowed.length > 0) throw methodNotAllowed(method, allowed);
  return undefined;
}

function decodeParams(groups: Record<string, string | undefined>): Record<string, string> {
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

function writeError(res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) return;
  if (error instanceof ApiError) {
    sendJson(res, error.status, error.errors);
    return;
  }
  if (error instanceof SoqlError) {
    sendJson(res, error.statusCode, error.toBody());
    return;
  }
  console.error('[demo org] unexpected error', error);
  sendJson(res, 500, statusFaultBody(500));
}
