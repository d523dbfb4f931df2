import { type PagesServer, startPagesServer } from '../../../demo/pages/pages-server';
import { createFakeOrg, type FakeOrg } from './fake-org';

/** A pages server on the fake org, and a browser-like client that keeps no cookies of its own. */
export interface PagesClient {
  org: FakeOrg;
  server: PagesServer;
  get(path: string, cookie?: string): Promise<Response>;
  post(path: string, form: Record<string, string>, cookie?: string): Promise<Response>;
  /** Signs in through `/login` and returns the `Cookie` header value to send afterwards. */
  signInAs(username: string): Promise<string>;
}

/** A fixed clock: 10 March 2026, local time. */
export const testNow = new Date(2026, 2, 10, 9, 0, 0);

export async function startPagesClient(): Promise<PagesClient> {
  const org = createFakeOrg(testNow);
  const server = await startPagesServer(org, { now: () => testNow });
  const headers = (cookie?: string): Record<string, string> => (cookie ? { cookie } : {});
  const client: PagesClient = {
    org,
    server,
    get: (path, cookie) => fetch(server.origin + path, { redirect: 'manual', headers: headers(cookie) }),
    post: (path, form, cookie) =>
      fetch(server.origin + path, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers(cookie), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    async signInAs(username) {
      const response = await client.post('/login', { username });
      const setCookie = response.headers.get('set-cookie') ?? '';
      const match = /^sid=([^;]+)/.exec(setCookie);
      if (!match) throw new Error(`sign-in as ${username} set no sid cookie`);
      return `sid=${match[1]}`;
    },
  };
  return client;
}

export const usernames = {
  riley: 'riley@precall.demo',
  sam: 'sam@precall.demo',
  morgan: 'morgan@precall.demo',
  admin: 'admin@precall.demo',
} as const;
