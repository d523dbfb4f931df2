import { type BulkSeedRequest, seedBulk } from '../../org/bulk-seed';
import { expectObject } from '../api-context';
import { ApiError } from '../api-error';
import { sendJson } from '../http';
import type { Route } from '../route';

/** `POST /__demo/seed {opportunities, plansPerOpportunity | plans, owners?}`: benchmark volume. */
export const demoSeedRoute: Route = {
  method: 'POST',
  pattern: /^\/__demo\/seed\/?$/,
  kind: 'demo.seed',
  access: 'demo',
  async handle(ctx) {
    const body = expectObject(await ctx.json());
    const request: BulkSeedRequest = {
      opportunities: Number(body.opportunities ?? 0),
      plansPerOpportunity: body.plansPerOpportunity === undefined ? undefined : Number(body.plansPerOpportunity),
      plans: body.plans === undefined ? undefined : Number(body.plans),
      owners: Array.isArray(body.owners) ? body.owners.map(String) : undefined,
    };
    if (!Number.isFinite(request.opportunities) || request.opportunities < 0) {
      throw ApiError.of(400, 'INVALID_INPUT', 'opportunities must be a number ≥ 0');
    }
    let result: ReturnType<typeof seedBulk>;
    try {
      result = seedBulk(ctx.org, request);
    } catch (error) {
      throw ApiError.of(400, 'INVALID_INPUT', error instanceof Error ? error.message : String(error));
    }
    ctx.state.flush();
    sendJson(ctx.res, 200, result);
  },
};
