import type { ApiContext } from '../api-context';

/** OAuth parameters from the form body (how jsforce posts) merged over the query string. */
export async function oauthParams(ctx: ApiContext): Promise<URLSearchParams> {
  const params = new URLSearchParams(ctx.url.searchParams);
  const type = String(ctx.req.headers['content-type'] ?? '');
  const text = await ctx.text();
  if (text.trim() === '') return params;
  if (type.includes('application/json')) {
    try {
      for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, unknown>)) params.set(k, String(v));
    } catch {
      // An unreadable body carries no parameters; the grant check reports what is missing.
    }
    return params;
  }
  for (const [k, v] of new URLSearchParams(text)) params.set(k, v);
  return params;
}
