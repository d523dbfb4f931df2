import type { ServerResponse } from 'node:http';
import type { DemoOrg, DemoSession, DemoUser } from '../org/types';
import { sendJson } from './http';
import { BadListQuery } from './ui-data/list-query';
import { accountListView, opportunityListView } from './ui-data/list-views';
import { searchView } from './ui-data/search';
import type { UiError } from './ui-data/types';
import { currentUserView, homeView, recordView } from './ui-data/views';

export const uiApiPrefix = '/demo-ui/';

/**
 * The pages' own data endpoints (Lightning's UI API stand-in). The caller has checked the
 * session; everything here reads through the signed-in user's sharing.
 */
export function serveUiApi(res: ServerResponse, url: URL, org: DemoOrg, session: DemoSession, now: Date): void {
  const [status, body] = answerOrRefuse(url, org, session.user, now);
  sendJson(res, status, body);
}

/** A list query the endpoint cannot honour (e.g. limit 500) is the caller's error: 400. */
function answerOrRefuse(url: URL, org: DemoOrg, viewer: DemoUser, now: Date): [number, unknown] {
  try {
    return uiApiAnswer(url, org, viewer, now);
  } catch (error) {
    if (!(error instanceof BadListQuery)) throw error;
    return [400, { errorCode: 'ILLEGAL_QUERY_PARAMETER_VALUE', message: error.message } satisfies UiError];
  }
}

function uiApiAnswer(url: URL, org: DemoOrg, viewer: DemoUser, now: Date): [number, unknown] {
  const path = url.pathname.slice(uiApiPrefix.length);
  if (path === 'session') return [200, currentUserView(viewer)];
  if (path === 'home') return [200, homeView(org, viewer, now)];
  if (path === 'opportunities') return [200, opportunityListView(org, viewer, url.searchParams, now)];
  if (path === 'accounts') return [200, accountListView(org, viewer, url.searchParams)];
  if (path === 'search') return [200, searchView(org, viewer, url.searchParams.get('q'))];
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
