import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoOrg, DemoSession } from '../org/types';
import { readForm, redirect, requestUrl, sendHtml, sendJson } from './http';
import { loginPage } from './login-page';
import { clearedSessionCookie, safeReturnUrl, sessionCookie, sessionOf } from './session';
import { shellPage } from './shell-page';
import { serveStatic, staticPrefix } from './static-files';
import { serveUiApi, uiApiPrefix } from './ui-api';

export interface PagesOptions {
  /** The clock for date-relative list views ("Closing This Month"); tests pin it. */
  now?: () => Date;
}

type PagesHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Paths of the REST API and the control plane; the pages never answer them. */
const apiOwnedPrefixes = ['/services/', '/id/', '/__demo/'];

/**
 * The Lightning side of the demo org: sign-in, the SPA shell for every /lightning/* path, the
 * page app's static files and its JSON data. Resolves false for any path that is not ours.
 */
export function createPagesHandler(org: DemoOrg, options: PagesOptions = {}): PagesHandler {
  const now = options.now ?? (() => new Date());

  return async (req, res) => {
    const url = requestUrl(req);
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (apiOwnedPrefixes.some((prefix) => path.startsWith(prefix))) return false;
    const read = method === 'GET' || method === 'HEAD';

    if (path.startsWith(staticPrefix) && read) {
      await serveStatic(res, path);
      return true;
    }
    if ((path === '/' || path === '/login') && read) {
      showLogin(res, url, path === '/' ? sessionOf(req, org) : undefined);
      return true;
    }
    if (path === '/login' && method === 'POST') {
      await signInFromForm(req, res);
      return true;
    }
    if (path === '/secur/frontdoor.jsp' && read) {
      frontdoor(res, url);
      return true;
    }
    if (path === '/secur/logout.jsp' && read) {
      redirect(res, '/login', { 'Set-Cookie': clearedSessionCookie() });
      return true;
    }
    if (path === '/lightning' || path.startsWith('/lightning/')) {
      if (!read) return methodNotAllowed(res);
      serveLightning(req, res, url);
      return true;
    }
    if (path.startsWith(uiApiPrefix)) {
      if (!read) return methodNotAllowed(res);
      const session = sessionOf(req, org);
      if (!session) sendJson(res, 401, { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' });
      else serveUiApi(res, url, org, session, now());
      return true;
    }
    return false;
  };

  function showLogin(res: ServerResponse, url: URL, session: DemoSession | undefined, error?: string) {
    // Someone already signed in who opens the org's root goes straight to Lightning, as My Domain does.
    if (session) return redirect(res, '/lightning/page/home');
    sendHtml(res, 200, loginPage(org.users(), safeReturnUrl(url.searchParams.get('retURL')), error));
  }

  async function signInFromForm(req: IncomingMessage, res: ServerResponse) {
    let form: URLSearchParams;
    try {
      form = await readForm(req);
    } catch {
      return sendHtml(res, 413, 'Request too large');
    }
    const returnUrl = safeReturnUrl(form.get('retURL'));
    const username = form.get('username') ?? '';
    if (!org.userByUsername(username)) {
      const again = new URL(`/login?retURL=${encodeURIComponent(returnUrl)}`, 'http://demo.invalid');
      return showLogin(
        res,
        again,
        undefined,
        "Please check your username and password. If you still can't log in, contact your Salesforce administrator.",
      );
    }
    signInAndGo(res, username, returnUrl);
  }

  /** `frontdoor.jsp` signs in from a link: `un` names a demo user; `sid` reuses an issued session, as in Salesforce. */
  function frontdoor(res: ServerResponse, url: URL) {
    const returnUrl = safeReturnUrl(url.searchParams.get('retURL'));
    const sid = url.searchParams.get('sid');
    const existing = sid ? org.sessionFor(sid) : undefined;
    if (existing) return redirect(res, returnUrl, { 'Set-Cookie': sessionCookie(existing.token) });
    const username = url.searchParams.get('un') ?? '';
    if (!org.userByUsername(username)) return redirect(res, `/login?retURL=${encodeURIComponent(returnUrl)}`);
    signInAndGo(res, username, returnUrl);
  }

  function signInAndGo(res: ServerResponse, username: string, returnUrl: string) {
    const session = org.signIn(username);
    redirect(res, returnUrl, { 'Set-Cookie': sessionCookie(session.token) });
  }

  function serveLightning(req: IncomingMessage, res: ServerResponse, url: URL) {
    const session = sessionOf(req, org);
    const here = url.pathname + url.search;
    if (!session) return redirect(res, `/login?retURL=${encodeURIComponent(here)}`);
    // Object home pages open the object's list view, as Lightning does for Opportunities and Accounts.
    const objectHome = /^\/lightning\/o\/([A-Za-z0-9_]+)\/home$/.exec(url.pathname);
    if (objectHome) return redirect(res, `/lightning/o/${objectHome[1]}/list?filterName=Recent`);
    if (url.pathname === '/lightning' || url.pathname === '/lightning/') return redirect(res, '/lightning/page/home');
    sendHtml(res, 200, shellPage(session.user));
  }
}

function methodNotAllowed(res: ServerResponse): true {
  res.writeHead(405, { 'Content-Type': 'text/plain;charset=UTF-8', Allow: 'GET, HEAD' });
  res.end('Method not allowed');
  return true;
}
