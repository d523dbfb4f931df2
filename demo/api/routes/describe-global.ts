import { visibleToUser } from '../api-access-gate';
import { describeGlobalEntry } from '../describe-output';
import { sendJson } from '../http';
import { type Route, versioned } from '../route';

/** `GET /sobjects`: every object of the org. */
export const describeGlobalRoute: Route = {
  method: 'GET',
  pattern: versioned('/sobjects/?'),
  kind: 'describeGlobal',
  access: 'api',
  handle(ctx) {
    sendJson(ctx.res, 200, {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: visibleToUser(ctx, ctx.org.schemaFor(ctx.user()).objects).map((object) =>
        describeGlobalEntry(object, ctx.version),
      ),
    });
  },
};
