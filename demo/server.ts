import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { type ApiState, createApiState } from './api/api-state';
import { createApiHandler } from './api/handle-request';
import { routes } from './api/router';
import { DemoOrgRuntime } from './org/demo-org';
import { loadDataFile, type Persistence, persistTo } from './org/persistence';
import { createPagesHandler } from './pages/handler';

/**
 * The demo org server: the Salesforce REST API emulator (demo/api), the Lightning-like pages
 * (demo/pages) for every other path, and the `/__demo/` control endpoints in demo mode.
 */
export interface DemoServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Enables `/__demo/*` (reset, seed, faults, stats, clock…); off, they answer 404. */
  demoMode?: boolean;
  /** Keep the org in this JSON file across restarts. */
  dataFile?: string;
  now?: () => Date;
  /** Another org id, so two demo orgs in one browser are two orgs. */
  orgId?: string;
}

export interface DemoServer {
  url: string;
  org: DemoOrgRuntime;
  api: ApiState;
  close(): Promise<void>;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const org = new DemoOrgRuntime({ now: options.now, orgId: options.orgId });
  const dataFile = options.dataFile ?? process.env.DEMO_DATA_FILE ?? undefined;
  if (!dataFile || !loadDataFile(org, dataFile)) org.reset();
  const persistence: Persistence | null = dataFile ? persistTo(org, dataFile) : null;
  if (persistence) persistence.flush();

  const api = createApiState(org, { demoMode: options.demoMode ?? false, flush: () => persistence?.flush() });
  const handleApi = createApiHandler(api, routes);
  const handlePages = createPagesHandler(org, { now: () => org.clock.now() });
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (await handleApi(req, res)) return;
        if (await handlePages(req, res)) return;
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain;charset=UTF-8');
        res.end('Not found');
      } catch (error) {
        console.error('[demo org]', error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }
    })();
  });
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    org,
    api,
    close: () => close(server, persistence),
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function close(server: Server, persistence: Persistence | null): Promise<void> {
  persistence?.close();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4711);
  const server = await startDemoServer({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    demoMode: process.env.DEMO_MODE !== '0',
    dataFile: process.env.DEMO_DATA_FILE,
  });
  console.log(`Demo org running at ${server.url}`);
  console.log(`Org id ${server.org.orgId}; sign in at ${server.url}/login (password "demo" for the API):`);
  for (const user of server.org.users()) console.log(`  ${user.Username.padEnd(22)} ${user.Name} — ${user.Title}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
