import { describeGlobalEntry } from '../describe-output';
import { sendJson } from '../http';
import { type Route, versioned } from '../route';
import { objectParam } from '../sobject-params';

/** `GET /sobjects/X`: basic information and recent items (none are tracked in the demo). */
export const sobjectInfoRoute: Route = {
  method: 'GET',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/?'),
  kind: 'sobject.info',
  access: 'api',
  handle(ctx) {
    sendJson(ctx.res, 200, { objectDescribe: describeGlobalEntry(objectParam(ctx), ctx.version), recentItems: [] });
  },
};
