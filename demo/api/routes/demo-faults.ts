import { ApiError } from '../api-error';
import { sendJson } from '../http';
import type { Route } from '../route';

/** `POST /__demo/faults` adds one, `GET` lists them, `DELETE` clears them all. */
export const demoFaultsAddRoute: Route = {
  method: 'POST',
  pattern: /^\/__demo\/faults\/?$/,
  kind: 'demo.faults',
  access: 'demo',
  async handle(ctx) {
    const body = await ctx.json();
    try {
      sendJson(ctx.res, 201, ctx.state.faults.add(body));
    } catch (error) {
      throw ApiError.of(400, 'INVALID_INPUT', error instanceof Error ? error.message : String(error));
    }
  },
};

export const demoFaultsListRoute: Route = {
  method: 'GET',
  pattern: /^\/__demo\/faults\/?$/,
  kind: 'demo.faults',
  access: 'demo',
  handle(ctx) {
    sendJson(ctx.res, 200, { faults: ctx.state.faults.list() });
  },
};

export const demoFaultsClearRoute: Route = {
  method: 'DELETE',
  pattern: /^\/__demo\/faults\/?$/,
  kind: 'demo.faults',
  access: 'demo',
  handle(ctx) {
    const cleared = ctx.state.faults.list().length;
    ctx.state.faults.clear();
    sendJson(ctx.res, 200, { cleared });
  },
};
