import { ApiError } from '../api-error';
import { formatDateTime, parseDateTime } from '../format';
import { sendJson } from '../http';
import { replicationWindow } from '../replication-window';
import { type Route, versioned } from '../route';
import { objectParam } from '../sobject-params';

/** `GET /sobjects/X/updated[/]?start=&end=`: ids whose SystemModstamp falls in the window. */
export const sobjectUpdatedRoute: Route = {
  method: 'GET',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/updated/?'),
  kind: 'sobject.updated',
  access: 'api',
  handle(ctx) {
    const object = objectParam(ctx);
    const { start, end, now } = replicationWindow(ctx, 30);
    const visible = ctx.org.sharing.filterFor(ctx.user());
    const ids: string[] = [];
    for (const record of ctx.org.store.all(object.name)) {
      if (record.IsDeleted === true) continue;
      const stamp = parseDateTime(String(record.SystemModstamp ?? ''))?.getTime();
      if (stamp === undefined || stamp < start || stamp >= end) continue;
      if (visible(object.name, record)) ids.push(record.Id);
    }
    if (ids.length > 600000) throw ApiError.of(400, 'EXCEEDED_ID_LIMIT', 'too many ids');
    const covered = Math.min(end, Math.floor(now / 60000) * 60000);
    sendJson(ctx.res, 200, { ids, latestDateCovered: formatDateTime(new Date(covered)) });
  },
};
