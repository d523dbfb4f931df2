import { sendJson } from '../http';
import type { Route } from '../route';

/** `POST /__demo/reset`: back to the first-start story; faults, stats and cursors cleared. */
export const demoResetRoute: Route = {
  method: 'POST',
  pattern: /^\/__demo\/reset\/?$/,
  kind: 'demo.reset',
  access: 'demo',
  handle(ctx) {
    const { state } = ctx;
    state.org.reset();
    state.faults.clear();
    state.stats.reset();
    state.locators.clear();
    state.flush();
    const counts: Record<string, number> = {};
    for (const object of state.org.schema.objects) counts[object.name] = state.org.store.count(object.name);
    sendJson(ctx.res, 200, { ok: true, records: counts });
  },
};
