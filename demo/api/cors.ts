import type { ServerResponse } from 'node:http';

/**
 * CORS for pages calling the API directly (fixture pages, a web app). The extension's service
 * worker does not need it, but a page does, and it can only read Sforce-Limit-Info when exposed.
 */
export function applyCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader(
    'Access-Control-Allow-Headers',
    'Authorization, Content-Type, Sforce-Call-Options, Sforce-Query-Options, X-Requested-With',
  );
  res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PATCH,PUT,DELETE,HEAD,OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', 'Sforce-Limit-Info');
  res.setHeader('Access-Control-Max-Age', '86400');
}
