import { precallObjects, precallRelationships } from '../org/api-access';
import type { DemoSession } from '../org/types';
import type { ApiContext } from './api-context';
import { ApiError, notFound } from './api-error';
import { messages } from './soql/soql-error';

const notValidForRest = () =>
  ApiError.of(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API');

/**
 * What the org's API settings (demo/org/api-access.ts) make of a request with a valid session,
 * answered as Salesforce answers: a Lightning session or, under API Access Control, any session
 * not issued to an approved app is refused with the REST API message (jsforce never refreshes on
 * it); an edition without API and a user without "API Enabled" are 403s; Precall's objects are
 * invisible to a user without its permission set; versions newer than the org's release are 404s.
 */
export async function checkApiAccess(ctx: ApiContext, session: DemoSession): Promise<void> {
  const { access } = ctx.org;
  if (session.kind === 'ui') throw notValidForRest();
  if (access.apiDisabledForOrg) {
    throw ApiError.of(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.');
  }
  if (access.usersWithoutApi.includes(session.user.Id)) {
    throw ApiError.of(403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User');
  }
  if (
    access.apiAccessControl &&
    !(session.kind === 'oauth' && access.approvedClients.includes(session.clientId ?? ''))
  ) {
    throw notValidForRest();
  }
  const version = Number(ctx.params.version ?? 0);
  if (access.maxApiVersion !== null && version > access.maxApiVersion) throw notFound();
  if (access.usersWithoutPermissionSet.includes(session.user.Id)) await hidePrecallObjects(ctx);
}

async function hidePrecallObjects(ctx: ApiContext): Promise<void> {
  const path = ctx.url.pathname;
  const named = (text: string, names = precallObjects) =>
    names.find((name) => new RegExp(`\\b${name}\\b`, 'i').test(text));
  const inPath = named(path.split('/').slice(0, 8).join('/'));
  if (inPath && /\/sobjects\//.test(path)) throw notFound();
  const soql = ctx.url.searchParams.get('q');
  const inQuery = soql ? named(soql) : undefined;
  if (inQuery) throw ApiError.of(400, 'INVALID_TYPE', messages.unknownObject(inQuery));
  // A subquery reaches the objects through their child relationships, which vanish with them.
  const relationship = soql ? named(soql, precallRelationships) : undefined;
  if (relationship) throw ApiError.of(400, 'INVALID_TYPE', messages.unknownChildRelationship(relationship));
  if (path.includes('/composite/') && ['POST', 'PATCH'].includes(ctx.req.method ?? '')) {
    const inBody = named(await ctx.text());
    if (inBody) throw notFound();
  }
}

/** Objects a user sees in describeGlobal. */
export function visibleToUser<T extends { name: string }>(ctx: ApiContext, objects: readonly T[]): T[] {
  const hidden = ctx.session && ctx.org.access.usersWithoutPermissionSet.includes(ctx.session.user.Id);
  return hidden ? objects.filter((object) => !precallObjects.includes(object.name)) : [...objects];
}
