import { expectObject } from '../api-context';
import { sendJson } from '../http';
import type { Route } from '../route';

/** `POST /__demo/limits {used?, max?}`: sets the daily API usage (e.g. to its max for 403s). */
export const demoLimitsRoute: Route = {
  method: 'POST',
  pattern: /^\/__demo\/limits\/?$/,
  kind: 'demo.limits',
  access: 'demo',
  async handle(ctx) {
    const body = expectObject((await ctx.json()) ?? {});
    const { limits } = ctx.org;
    if (body.max !== undefined) limits.max = Math.max(0, Math.floor(Number(body.max)));
    if (body.used !== undefined) limits.used = Math.max(0, Math.floor(Number(body.used)));
    sendJson(ctx.res, 200, { used: limits.used, max: limits.max });
  },
};
