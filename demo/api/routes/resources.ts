import { sendJson } from '../http';
import { type Route, versioned } from '../route';

/** `GET /services/data/vNN.N`: the resources of a version; jsforce's identity() reads `identity`. */
export const resourcesRoute: Route = {
  method: 'GET',
  pattern: versioned('/?'),
  kind: 'resources',
  access: 'api',
  handle(ctx) {
    const base = `/services/data/v${ctx.version}`;
    const user = ctx.user();
    sendJson(ctx.res, 200, {
      tooling: `${base}/tooling`,
      metadata: `${base}/metadata`,
      composite: `${base}/composite`,
      query: `${base}/query`,
      queryAll: `${base}/queryAll`,
      search: `${base}/search`,
      sobjects: `${base}/sobjects`,
      limits: `${base}/limits`,
      recent: `${base}/recent`,
      identity: `${ctx.origin}/id/${ctx.org.orgId}/${user.Id}`,
      'ui-api': `${base}/ui-api`,
    });
  },
};
