import { pkceMatches } from '../../org/sessions';
import { demoPassword } from '../../org/users';
import { sendJson } from '../http';
import { oauthParams } from '../oauth/oauth-params';
import { oauthError, tokenResponse } from '../oauth/token-response';
import type { Route } from '../route';

/**
 * `POST /services/oauth2/token`: authorization_code (with PKCE S256 checked), refresh_token and
 * password grants, any client id. Failures are 400 `{error, error_description}`, which jsforce
 * turns into an Error named after `error`.
 */
export const oauthTokenRoute: Route = {
  method: 'POST',
  pattern: /^\/services\/oauth2\/token\/?$/,
  kind: 'oauth.token',
  access: 'public',
  async handle(ctx) {
    const params = await oauthParams(ctx);
    const { org } = ctx;
    const now = org.clock.now().getTime();
    const fail = (error: string, description: string) => sendJson(ctx.res, 400, oauthError(error, description));
    switch (params.get('grant_type')) {
      case 'password': {
        const user = org.userByUsername(params.get('username') ?? '');
        if (!user || params.get('password') !== demoPassword) return fail('invalid_grant', 'authentication failure');
        const session = org.sessions.issue(user, now, undefined, {
          kind: 'oauth',
          clientId: params.get('client_id') ?? '',
        });
        return sendJson(ctx.res, 200, tokenResponse(ctx, user, session.token));
      }
      case 'authorization_code': {
        const code = org.sessions.takeCode(params.get('code') ?? '', now);
        if (!code) return fail('invalid_grant', 'expired authorization code');
        const redirectUri = params.get('redirect_uri');
        if (code.redirectUri && redirectUri !== null && redirectUri !== code.redirectUri) {
          return fail('invalid_grant', 'redirect_uri must match configuration');
        }
        if (code.codeChallenge) {
          const verifier = params.get('code_verifier');
          if (!verifier || !pkceMatches(verifier, code.codeChallenge, code.codeChallengeMethod)) {
            return fail('invalid_grant', 'invalid code verifier');
          }
        }
        const user = org.userById(code.userId);
        if (!user) return fail('invalid_grant', 'inactive user');
        const refreshToken = org.sessions.issueRefreshToken(user.Id, { clientId: code.clientId });
        const session = org.sessions.issue(user, now, refreshToken, { kind: 'oauth', clientId: code.clientId });
        return sendJson(ctx.res, 200, tokenResponse(ctx, user, session.token, refreshToken));
      }
      case 'refresh_token': {
        // With Refresh Token Rotation each refresh answers a new refresh token; presenting a used
        // one again revokes the whole family (the old token and every token issued after it).
        const refreshed = org.sessions.refresh(params.get('refresh_token') ?? '', org.access.refreshTokenRotation);
        const user = refreshed && refreshed !== 'reused' ? org.userById(refreshed.userId) : undefined;
        if (!refreshed || refreshed === 'reused' || !user) return fail('invalid_grant', 'expired access/refresh token');
        const session = org.sessions.issue(user, now, refreshed.next, {
          kind: 'oauth',
          clientId: refreshed.clientId ?? params.get('client_id') ?? '',
        });
        const rotated = org.access.refreshTokenRotation ? refreshed.next : undefined;
        return sendJson(ctx.res, 200, tokenResponse(ctx, user, session.token, rotated));
      }
      default:
        return fail('unsupported_grant_type', 'grant type not supported');
    }
  },
};
