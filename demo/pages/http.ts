import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small response helpers: every page and JSON answer is uncached, as Lightning's data is. */
export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'text/html;charset=UTF-8', 'Cache-Control': 'no-store', ...headers });
  res.end(html);
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}) {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', ...headers });
  res.end();
}

export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://demo.invalid');
}

/** Reads an `application/x-www-form-urlencoded` body; sign-in forms are tiny, so the size is capped. */
export async function readForm(req: IncomingMessage, maxBytes = 16_384): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > maxBytes) throw new Error('form body too large');
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
