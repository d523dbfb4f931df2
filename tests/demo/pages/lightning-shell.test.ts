import { readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { createPagesHandler } from '../../../demo/pages/handler';
import { createFakeOrg } from './fake-org';
import { type PagesClient, startPagesClient, usernames } from './pages-client';

let client: PagesClient;
let riley: string;
beforeAll(async () => {
  client = await startPagesClient();
  riley = await client.signInAs(usernames.riley);
});
afterAll(() => client.server.close());

const lightningPaths = [
  '/lightning/page/home',
  `/lightning/r/Opportunity/${showcaseOpportunityId}/view`,
  `/lightning/r/${showcaseOpportunityId.slice(0, 15)}/view`,
  '/lightning/o/Opportunity/list?filterName=AllOpportunities',
  '/lightning/r/Account/0015g00000Nwd01AAA/view',
  '/lightning/n/Some_Tab',
];

describe('the Lightning shell', () => {
  it.each(lightningPaths)('redirects %s to the login page with retURL when signed out', async (path) => {
    const response = await client.get(path);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/login?retURL=${encodeURIComponent(path)}`);
  });

  it('treats an unknown sid cookie as signed out', async () => {
    const response = await client.get('/lightning/page/home', 'sid=00D5g00000PrcAL!forged');
    expect(response.headers.get('location')).toMatch(/^\/login\?retURL=/);
  });

  it.each(lightningPaths)('serves the SPA shell for %s when signed in', async (path) => {
    const response = await client.get(path, riley);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<div id="auraLoadingBox"');
    expect(html).toContain('<span class="userName">Riley Chen</span>');
    expect(html).toContain('id="oneCenterStage"');
    for (const href of ['/lightning/page/home', '/lightning/o/Opportunity/home', '/lightning/o/Account/home']) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('<script type="module" src="/demo-ui/static/app.ts">');
  });

  it('redirects object home pages to the list view', async () => {
    const response = await client.get('/lightning/o/Opportunity/home', riley);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/lightning/o/Opportunity/list?filterName=Recent');
  });

  it('escapes the signed-in user name in the header', async () => {
    const org = createFakeOrg();
    const user = org.users()[1];
    if (!user) throw new Error('no seed user');
    user.Name = '<img src=x onerror=alert(1)>';
    const handle = createPagesHandler(org);
    const token = org.signIn(user.Username).token;
    const html = await captureBody(handle, '/lightning/page/home', `sid=${token}`);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('paths that are not the pages', () => {
  it.each(['/services/data/v62.0/query', '/id/00D/005', '/__demo/reset', '/favicon.ico'])(
    'leaves %s to the API server',
    async (path) => {
      const handle = createPagesHandler(createFakeOrg());
      const { handled } = await run(handle, path);
      expect(handled).toBe(false);
    },
  );
});

describe('the page app files', () => {
  it('serves every browser module in public/ as JavaScript', async () => {
    const files = (await readdir(new URL('../../../demo/pages/public/', import.meta.url), { recursive: true })).filter(
      (f) => f.endsWith('.ts'),
    );
    expect(files).toContain('app.ts');
    for (const file of files) {
      const response = await client.get(`/demo-ui/static/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(await response.text()).not.toMatch(/:\s*HTMLElement\b|^import type/m);
    }
  });

  it('never serves a file outside public/', async () => {
    const handle = createPagesHandler(createFakeOrg());
    for (const path of [
      '/demo-ui/static/../handler.ts',
      '/demo-ui/static/%2e%2e/handler.ts',
      '/demo-ui/static/x.json',
    ]) {
      const { status, body } = await run(handle, path);
      expect(status, path).not.toBe(200);
      expect(body).not.toContain('createPagesHandler');
    }
  });
});

/** Runs the handler on a fake request, for cases that need an org the shared server does not have. */
async function run(handle: ReturnType<typeof createPagesHandler>, url: string, cookie?: string) {
  let body = '';
  let status = 0;
  const req = { url, method: 'GET', headers: cookie ? { cookie } : {} } as IncomingMessage;
  const res = {
    headersSent: false,
    writeHead(code: number) {
      status = code;
      return res;
    },
    end(chunk?: string) {
      body += chunk ?? '';
    },
  } as unknown as ServerResponse;
  const handled = await handle(req, res);
  return { handled, status, body };
}

async function captureBody(handle: ReturnType<typeof createPagesHandler>, url: string, cookie: string) {
  const { status, body } = await run(handle, url, cookie);
  expect(status).toBe(200);
  return body;
}
