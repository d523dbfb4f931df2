import type { Route } from './route';
import { collectionsCreateRoute } from './routes/collections-create';
import { collectionsDeleteRoute } from './routes/collections-delete';
import { collectionsRetrieveGetRoute, collectionsRetrievePostRoute } from './routes/collections-retrieve';
import { collectionsUpdateRoute } from './routes/collections-update';
import { collectionsUpsertRoute } from './routes/collections-upsert';
import { compositeRoute } from './routes/composite';
import { demoAccessRoute } from './routes/demo-access';
import { demoClockRoute } from './routes/demo-clock';
import { demoExpireTokenRoute, demoRestoreTokenRoute } from './routes/demo-expire-token';
import { demoFaultsAddRoute, demoFaultsClearRoute, demoFaultsListRoute } from './routes/demo-faults';
import { demoLimitsRoute } from './routes/demo-limits';
import { demoResetRoute } from './routes/demo-reset';
import { demoSeedRoute } from './routes/demo-seed';
import { demoStatsResetRoute, demoStatsRoute } from './routes/demo-stats';
import { describeGlobalRoute } from './routes/describe-global';
import { describeSObjectRoute } from './routes/describe-sobject';
import { identityRoute } from './routes/identity';
import { limitsRoute } from './routes/limits';
import { oauthAuthorizeRoute } from './routes/oauth-authorize';
import { oauthRevokeGetRoute, oauthRevokeRoute } from './routes/oauth-revoke';
import { oauthTokenRoute } from './routes/oauth-token';
import { queryAllRoute, queryRoute } from './routes/query';
import { queryMoreRoute } from './routes/query-more';
import { resourcesRoute } from './routes/resources';
import { sobjectCreateRoute } from './routes/sobject-create';
import { sobjectDeleteRoute } from './routes/sobject-delete';
import { sobjectDeletedRoute } from './routes/sobject-deleted';
import { sobjectInfoRoute } from './routes/sobject-info';
import { sobjectRetrieveRoute } from './routes/sobject-retrieve';
import { sobjectRetrieveByKeyRoute } from './routes/sobject-retrieve-by-key';
import { sobjectUpdateRoute } from './routes/sobject-update';
import { sobjectUpdatedRoute } from './routes/sobject-updated';
import { sobjectUpsertRoute } from './routes/sobject-upsert';
import { versionsRoute } from './routes/versions';

/**
 * Every endpoint, method + path pattern → handler. Order matters where patterns overlap: the
 * fixed words (`describe`, `updated`, `deleted`) come before the record-id patterns.
 */
export const routes: readonly Route[] = [
  versionsRoute,
  resourcesRoute,
  queryMoreRoute,
  queryRoute,
  queryAllRoute,
  limitsRoute,
  describeGlobalRoute,
  describeSObjectRoute,
  sobjectUpdatedRoute,
  sobjectDeletedRoute,
  sobjectInfoRoute,
  sobjectCreateRoute,
  sobjectRetrieveRoute,
  sobjectUpdateRoute,
  sobjectDeleteRoute,
  sobjectUpsertRoute,
  sobjectRetrieveByKeyRoute,
  collectionsCreateRoute,
  collectionsUpdateRoute,
  collectionsDeleteRoute,
  collectionsRetrievePostRoute,
  collectionsRetrieveGetRoute,
  collectionsUpsertRoute,
  // Its subrequests run through the routes of this list.
  compositeRoute(() => routes),
  identityRoute,
  oauthTokenRoute,
  oauthAuthorizeRoute,
  oauthRevokeRoute,
  oauthRevokeGetRoute,
  demoResetRoute,
  demoSeedRoute,
  demoFaultsAddRoute,
  demoFaultsListRoute,
  demoFaultsClearRoute,
  demoStatsRoute,
  demoStatsResetRoute,
  demoExpireTokenRoute,
  demoLimitsRoute,
  demoClockRoute,
  demoAccessRoute,
  demoRestoreTokenRoute,
];
