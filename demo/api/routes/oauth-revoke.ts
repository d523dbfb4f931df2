import type { ApiContext } from '../api-context';
import { sendJson } from '../http';
import { oauthParams } from '../oauth/oauth-params';
import type { Route } from '../route';

/**
 * `POST|GET /services/oauth2/revoke?token=`: ends an access token's session, or a refresh
 * token together with the sessions issued from it. 200 with an empty body, as Salesforce.
 */
async function revoke(ctx: ApiContext): Promise<void> {
  const params = await oauthParams(ctx);
  const token = params.get('token') ?? '';
  if (!ctx.org.sessions.revoke(token)) {
    sendJson(ctx.res, 400, { error: 'unsupported_token_type', error_description: 'this token type is not supported' });
    return;
  }
  ctx.res.statusCode = 200;
  ctx.res.end();
}

export const oauthRevokeRoute: Route = {
  method: 'POST',
  pattern: /^\/services\/oauth2\/revoke\/?$/,
  kind: 'oauth.revoke',
  access: 'public',
  handle: revoke,
};

export const oauthRevokeGetRoute: Route = { ...oauthRevokeRoute, method: 'GET' };
