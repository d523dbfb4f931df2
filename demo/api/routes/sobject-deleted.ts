import { formatDateTime } from '../format';
import { sendJson } from '../http';
import { replicationWindow } from '../replication-window';
import { type Route, versioned } from '../route';
import { objectParam } from '../sobject-params';

const keepDays = 15;

/**
 * `GET /sobjects/X/deleted[/]?start=&end=`: deletions in the window, cascade-deleted children
 * included, with the earliest date the recycle bin still covers.
 */
export const sobjectDeletedRoute: Route = {
  method: 'GET',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/deleted/?'),
  kind: 'sobject.deleted',
  access: 'api',
  handle(ctx) {
    const object = objectParam(ctx);
    const { start, end, now } = replicationWindow(ctx, keepDays);
    const visible = ctx.org.sharing.filterFor(ctx.user());
    const deletedRecords: { id: string; deletedDate: string }[] = [];
    let earliest = now - keepDays * 24 * 60 * 60 * 1000;
    for (const [id, deletedAt] of ctx.org.store.deletedSince(object.name)) {
      earliest = Math.min(earliest, deletedAt);
      if (deletedAt < start || deletedAt >= end) continue;
      const record = ctx.org.store.get(object.name, id);
      if (record && visible(object.name, record))
        deletedRecords.push({ id, deletedDate: formatDateTime(new Date(deletedAt)) });
    }
    deletedRecords.sort((a, b) => a.deletedDate.localeCompare(b.deletedDate));
    sendJson(ctx.res, 200, {
      deletedRecords,
      earliestDateAvailable: formatDateTime(new Date(Math.floor(earliest / 60000) * 60000)),
      latestDateCovered: formatDateTime(new Date(Math.min(end, Math.floor(now / 60000) * 60000))),
    });
  },
};
