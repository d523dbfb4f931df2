import { expectObject } from '../api-context';
import { ApiError } from '../api-error';
import { sendJson } from '../http';
import type { Route } from '../route';

/** `POST /__demo/clock {now?: ISO | null}`: pins the server clock, or lets it run again. */
export const demoClockRoute: Route = {
  method: 'POST',
  pattern: /^\/__demo\/clock\/?$/,
  kind: 'demo.clock',
  access: 'demo',
  async handle(ctx) {
    const body = expectObject((await ctx.json()) ?? {});
    const { clock } = ctx.org;
    if (body.now === null || body.now === undefined) clock.pin(null);
    else {
      const instant = new Date(String(body.now));
      if (Number.isNaN(instant.getTime()))
        throw ApiError.of(400, 'INVALID_INPUT', 'now must be an ISO date-time or null');
      clock.pin(instant);
    }
    sendJson(ctx.res, 200, { now: clock.now().toISOString(), pinned: clock.pinned !== null });
  },
};
