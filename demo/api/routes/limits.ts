import { sendJson } from '../http';
import { type Route, versioned } from '../route';

/** `GET /limits`: the daily API allowance as the header reports it, plus the usual neighbours. */
export const limitsRoute: Route = {
  method: 'GET',
  pattern: versioned('/limits/?'),
  kind: 'limits',
  access: 'api',
  handle(ctx) {
    const { used, max } = ctx.org.limits;
    sendJson(ctx.res, 200, {
      ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
      DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
      DailyAsyncApexExecutions: { Max: 250000, Remaining: 250000 },
      DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
      DataStorageMB: { Max: 5, Remaining: 5 },
      FileStorageMB: { Max: 20, Remaining: 20 },
      HourlyODataCallout: { Max: 10000, Remaining: 10000 },
      SingleEmail: { Max: 15, Remaining: 15 },
    });
  },
};
