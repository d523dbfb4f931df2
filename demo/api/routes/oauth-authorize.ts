import { cookiesOf, sendJson, sendRedirect } from '../http';
import type { Route } from '../route';

/**
 * `GET /services/oauth2/authorize`: approves at once for a signed-in browser (the `sid` cookie)
 * or for the user named by `login_hint`, redirecting to `redirect_uri?code=…&state=…`. Without
 * either it sends the browser to the sign-in page, which comes back here afterwards.
 */
export const oauthAuthorizeRoute: Route = {
  method: 'GET',
  pattern: /^\/services\/oauth2\/authorize\/?$/,
  kind: 'oauth.authorize',
  access: 'public',
  handle(ctx) {
    const params = ctx.url.searchParams;
    const redirectUri = params.get('redirect_uri');
    if (!redirectUri) {
      sendJson(ctx.res, 400, { error: 'redirect_uri_missing', error_description: 'redirect_uri must be provided' });
      return;
    }
    const target = new URL(redirectUri);
    const state = params.get('state');
    if (params.get('response_type') !== 'code') {
      target.searchParams.set('error', 'unsupported_response_type');
      target.searchParams.set('error_description', 'response type not supported');
      if (state !== null) target.searchParams.set('state', state);
      sendRedirect(ctx.res, target.toString());
      return;
    }
    const clientId = params.get('client_id') ?? '';
    const { access } = ctx.org;
    if (access.apiAccessControl && !access.approvedClients.includes(clientId)) {
      // API Access Control: only apps an admin approved may be authorized.
      target.searchParams.set('error', 'OAUTH_APP_BLOCKED');
      target.searchParams.set('error_description', 'this app is blocked by admin');
      if (state !== null) target.searchParams.set('state', state);
      sendRedirect(ctx.res, target.toString());
      return;
    }
    const sid = cookiesOf(ctx.req).get('sid');
    const hinted = params.get('login_hint');
    const user =
      (sid ? ctx.org.sessionFor(sid)?.user : undefined) ?? (hinted ? ctx.org.userByUsername(hinted) : undefined);
    if (!user) {
      sendRedirect(ctx.res, `/login?retURL=${encodeURIComponent(ctx.url.pathname + ctx.url.search)}`);
      return;
    }
    const code = ctx.org.sessions.issueCode(
      {
        userId: user.Id,
        clientId,
        redirectUri,
        codeChallenge: params.get('code_challenge'),
        codeChallengeMethod: params.get('code_challenge_method'),
      },
      ctx.org.clock.now().getTime(),
    );
    target.searchParams.set('code', code);
    if (state !== null) target.searchParams.set('state', state);
    sendRedirect(ctx.res, target.toString());
  },
};
