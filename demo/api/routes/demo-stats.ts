import { sendJson } from '../http';
import type { Route } from '../route';

/** `GET /__demo/stats`: request counts since reset; `DELETE` zeroes them alone. */
export const demoStatsRoute: Route = {
  method: 'GET',
  pattern: /^\/__demo\/stats\/?$/,
  kind: 'demo.stats',
  access: 'demo',
  handle(ctx) {
    sendJson(ctx.res, 200, ctx.state.stats.snapshot());
  },
};

export const demoStatsResetRoute: Route = {
  method: 'DELETE',
  pattern: /^\/__demo\/stats\/?$/,
  kind: 'demo.stats',
  access: 'demo',
  handle(ctx) {
    ctx.state.stats.reset();
    sendJson(ctx.res, 200, ctx.state.stats.snapshot());
  },
};
