import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

export const staticPrefix = '/demo-ui/static/';

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));
const safePath = /^(?:[a-z0-9-]+\/)*[a-z0-9-]+\.(?:ts|css)$/;
const compiled = new Map<string, { mtimeMs: number; code: string }>();

/**
 * Serves the page app from public/. Browser modules are TypeScript, stripped to JavaScript per
 * request (cached until the file changes) so the pages need no build step.
 */
export async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
  const relative = pathname.slice(staticPrefix.length);
  if (!safePath.test(relative)) return notFound(res);
  const file = publicDir + relative;
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(file)).mtimeMs;
  } catch {
    return notFound(res);
  }
  if (relative.endsWith('.css')) {
    res.writeHead(200, { 'Content-Type': 'text/css;charset=UTF-8', 'Cache-Control': 'no-cache' });
    res.end(await readFile(file, 'utf8'));
    return;
  }
  let entry = compiled.get(file);
  if (entry?.mtimeMs !== mtimeMs) {
    const source = await readFile(file, 'utf8');
    const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: relative });
    entry = { mtimeMs, code };
    compiled.set(file, entry);
  }
  res.writeHead(200, { 'Content-Type': 'text/javascript;charset=UTF-8', 'Cache-Control': 'no-cache' });
  res.end(entry.code);
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'text/plain;charset=UTF-8' });
  res.end('Not found');
}
