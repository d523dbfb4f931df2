import type { ServerResponse } from 'node:http';
import type { DemoOrg, DemoSession, DemoUser } from '../org/types';
import { sendJson } from './http';
import type { UiError } from './ui-data/types';
import { accountListView, currentUserView, homeView, opportunityListView, recordView } from './ui-data/views';

export const uiApiPrefix = '/demo-ui/';

/**
 * The pages' own data endpoints (Lightning's UI API stand-in). The caller has checked the
 * session; everything here reads through the signed-in user's sharing.
 */
export function serveUiApi(res: ServerResponse, url: URL, org: DemoOrg, session: DemoSession, now: Date): void {
  const [status, body] = uiApiAnswer(url, org, session.user, now);
  sendJson(res, status, body);
}

function uiApiAnswer(url: URL, org: DemoOrg, viewer: DemoUser, now: Date): [number, unknown] {
  const path = url.pathname.slice(uiApiPrefix.length);
  if (path === 'session') return [200, currentUserView(viewer)];
  if (path === 'home') return [200, homeView(org, viewer, now)];
  if (path === 'opportunities') return [200, opportunityListView(org, viewer, url.searchParams.get('filter'), now)];
  if (path === 'accounts') return [200, accountListView(org, viewer)];
  const recordMatch = /^record\/([^/]+)$/.exec(path);
  if (recordMatch?.[1]) {
    const view = recordView(org, viewer, recordMatch[1]);
    if (view) return [200, view];
    return [404, recordNotFound];
  }
  return [404, { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' } satisfies UiError];
}

const recordNotFound: UiError = {
  errorCode: 'NOT_FOUND',
  message: "Record not found. The record you're trying to open may have been deleted, or you may not have access.",
};
