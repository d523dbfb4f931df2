import { describeObject } from '../describe-output';
import { sendJson } from '../http';
import { type Route, versioned } from '../route';
import { objectParam } from '../sobject-params';

/** `GET /sobjects/X/describe`: fields, picklists and child relationships from the schema. */
export const describeSObjectRoute: Route = {
  method: 'GET',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/describe/?'),
  kind: 'describe',
  access: 'api',
  handle(ctx) {
    sendJson(ctx.res, 200, describeObject(objectParam(ctx), ctx.version));
  },
};
