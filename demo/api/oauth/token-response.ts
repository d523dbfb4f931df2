import { createHmac } from 'node:crypto';
import type { DemoUser } from '../../org/types';
import type { ApiContext } from '../api-context';

const signingKey = 'precall-demo-org';

/**
 * The token endpoint's answer (salesforce-reference.md §1.5): jsforce's refresh delegate needs
 * `id` (`<origin>/id/<orgId>/<userId>`) and `instance_url` (this server's origin).
 */
export function tokenResponse(
  ctx: ApiContext,
  user: DemoUser,
  accessToken: string,
  refreshToken?: string,
): Record<string, string> {
  const id = `${ctx.origin}/id/${ctx.org.orgId}/${user.Id}`;
  const issuedAt = String(ctx.org.clock.now().getTime());
  const signature = createHmac('sha256', signingKey)
    .update(id + issuedAt)
    .digest('base64');
  const response: Record<string, string> = { access_token: accessToken };
  if (refreshToken) response.refresh_token = refreshToken;
  Object.assign(response, {
    signature,
    scope: refreshToken ? 'refresh_token api' : 'api',
    instance_url: ctx.origin,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  });
  return response;
}

export function oauthError(error: string, description: string): { error: string; error_description: string } {
  return { error, error_description: description };
}
