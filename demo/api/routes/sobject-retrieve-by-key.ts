import { notFound } from '../api-error';
import { sendJson } from '../http';
import { recordOutput } from '../record-output';
import { type Route, versioned } from '../route';
import { externalKeyParam, objectParam, recordUrl } from '../sobject-params';
import { fieldList } from './sobject-retrieve';

/** `GET /sobjects/X/<ExtField>/<value>`: the record holding that External ID; 300 for several. */
export const sobjectRetrieveByKeyRoute: Route = {
  method: 'GET',
  pattern: versioned('/sobjects/(?<sobject>\\w+)/(?<field>\\w+)/(?<value>[^/]+)/?'),
  kind: 'sobject.retrieve',
  access: 'api',
  handle(ctx) {
    const object = objectParam(ctx);
    const key = externalKeyParam(ctx, object, { allowId: false });
    const user = ctx.user();
    const matches = ctx.org.store
      .findByKey(object.name, key, ctx.params.value ?? '')
      .filter((record) => ctx.org.sharing.canSee(user, object.name, record));
    if (matches.length > 1) {
      sendJson(
        ctx.res,
        300,
        matches.map((r) => recordUrl(ctx.version, object.name, r.Id)),
      );
      return;
    }
    const record = matches[0];
    if (!record) throw notFound();
    sendJson(
      ctx.res,
      200,
      recordOutput(object, record, ctx.version, fieldList(object, ctx.url.searchParams.get('fields'))),
    );
  },
};
