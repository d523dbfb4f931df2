import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoOrg } from '../org/types';
import { createPagesHandler, type PagesOptions } from './handler';

export interface PagesServer {
  origin: string;
  close(): Promise<void>;
}

/** The pages alone on a loopback port, for tests and snapshots that do not need the REST API. */
export async function startPagesServer(org: DemoOrg, options: PagesOptions = {}): Promise<PagesServer> {
  const handle = createPagesHandler(org, options);
  const server = createServer((req, res) => {
    handle(req, res)
      .then((handled) => {
        if (!handled) {
          res.writeHead(404, { 'Content-Type': 'text/plain;charset=UTF-8' });
          res.end('Not found');
        }
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain;charset=UTF-8' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
