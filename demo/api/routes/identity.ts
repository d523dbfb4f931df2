import { ApiError } from '../api-error';
import { formatDateTime } from '../format';
import { sendJson } from '../http';
import type { Route } from '../route';

/**
 * `GET /id/<orgId>/<userId>`: the identity service. jsforce calls it with the token both as
 * Bearer header and as `oauth_token`; another user's identity URL is refused as Salesforce does.
 */
export const identityRoute: Route = {
  method: 'GET',
  pattern: /^\/id\/(?<org>[a-zA-Z0-9]{15,18})\/(?<user>[a-zA-Z0-9]{15,18})\/?$/,
  kind: 'identity',
  access: 'api',
  tokenInQuery: true,
  handle(ctx) {
    const user = ctx.user();
    const { org } = ctx;
    const sameOrg = (ctx.params.org ?? '').slice(0, 15) === org.orgId15;
    const sameUser = (ctx.params.user ?? '').slice(0, 15) === user.Id.slice(0, 15);
    if (!sameOrg || !sameUser) throw ApiError.of(403, 'Bad_Id', 'Bad_Id');
    const origin = ctx.origin;
    const soap = (kind: string) => `${origin}/services/Soap/${kind}/{version}/${org.orgId15}`;
    const rest = (path: string) => `${origin}/services/data/v{version}/${path}`;
    sendJson(ctx.res, 200, {
      id: `${origin}/id/${org.orgId}/${user.Id}`,
      asserted_user: true,
      user_id: user.Id,
      organization_id: org.orgId,
      username: user.Username,
      nick_name: user.Username.split('@')[0],
      display_name: user.Name,
      email: user.Email,
      email_verified: true,
      first_name: user.FirstName,
      last_name: user.LastName,
      timezone: 'Europe/London',
      photos: {
        picture: `${origin}/profilephoto/005/F`,
        thumbnail: `${origin}/profilephoto/005/T`,
      },
      addr_street: null,
      addr_city: null,
      addr_state: null,
      addr_country: null,
      addr_zip: null,
      mobile_phone: null,
      mobile_phone_verified: false,
      is_lightning_login_user: false,
      status: { created_date: null, body: null },
      urls: {
        enterprise: soap('c'),
        metadata: soap('m'),
        partner: soap('u'),
        rest: `${origin}/services/data/v{version}/`,
        sobjects: rest('sobjects/'),
        search: rest('search/'),
        query: rest('query/'),
        recent: rest('recent/'),
        tooling_soap: soap('T'),
        tooling_rest: rest('tooling/'),
        profile: `${origin}/${user.Id}`,
        feeds: rest('chatter/feeds'),
        groups: rest('chatter/groups'),
        users: rest('chatter/users'),
        feed_items: rest('chatter/feed-items'),
        feed_elements: rest('chatter/feed-elements'),
        custom_domain: origin,
      },
      active: true,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_GB',
      utcOffset: 0,
      last_modified_date: formatDateTime(new Date(Date.UTC(2025, 0, 6, 9, 0, 0))),
      is_app_installed: true,
    });
  },
};
