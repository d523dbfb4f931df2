import { expectObject } from '../api-context';
import { ApiError, notFound } from '../api-error';
import { sendJson } from '../http';
import type { Route } from '../route';

/**
 * `POST /__demo/expire-token {token? | username?}`: the session(s) answer 401 from now on, as
 * after a Salesforce session timeout; refresh tokens keep working. Neither given: all sessions.
 */
export const demoExpireTokenRoute: Route = {
  method: 'POST',
  pattern: /^\/__demo\/expire-token\/?$/,
  kind: 'demo.expireToken',
  access: 'demo',
  async handle(ctx) {
    const body = expectObject((await ctx.json()) ?? {});
    const filter: { token?: string; userId?: string } = {};
    if (typeof body.token === 'string') filter.token = body.token;
    if (typeof body.username === 'string') {
      const user = ctx.org.userByUsername(body.username);
      if (!user) throw notFound();
      filter.userId = user.Id;
    }
    if (body.token !== undefined && typeof body.token !== 'string')
      throw ApiError.of(400, 'INVALID_INPUT', 'token must be a string');
    sendJson(ctx.res, 200, { expired: ctx.org.sessions.expire(filter) });
  },
};

/** `POST /__demo/restore-token {token}`: an expired session answers again, as before it expired. */
export const demoRestoreTokenRoute: Route = {
  method: 'POST',
  pattern: /^\/__demo\/restore-token\/?$/,
  kind: 'demo.restoreToken',
  access: 'demo',
  async handle(ctx) {
    const body = expectObject((await ctx.json()) ?? {});
    if (typeof body.token !== 'string') throw ApiError.of(400, 'INVALID_INPUT', 'token must be a string');
    sendJson(ctx.res, 200, { restored: ctx.org.sessions.restoreSession(body.token) });
  },
};
