import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PagesClient, startPagesClient, usernames } from './pages-client';

let client: PagesClient;
beforeAll(async () => {
  client = await startPagesClient();
});
afterAll(() => client.server.close());

describe('sign-in, as Salesforce does it', () => {
  it('shows the login page with one button per demo user at / and /login', async () => {
    for (const path of ['/', '/login']) {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      for (const name of ['Riley Chen', 'Sam Okafor', 'Morgan Lee', 'Alex Admin']) expect(html).toContain(name);
      expect(html).toContain('name="username" value="riley@precall.demo"');
    }
  });

  it('POST /login sets the sid cookie with the session token and redirects to retURL', async () => {
    const retURL = '/lightning/o/Opportunity/list?filterName=AllOpportunities';
    const response = await client.post('/login', { username: usernames.riley, retURL });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(retURL);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sid=[^;]+; Path=\/; SameSite=Lax/);
    const token = /^sid=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(client.org.sessionFor(token)?.user.Username).toBe(usernames.riley);
  });

  it('redirects to Lightning home when no retURL is given', async () => {
    const response = await client.post('/login', { username: usernames.morgan });
    expect(response.headers.get('location')).toBe('/lightning/page/home');
  });

  it('never follows a retURL that leaves the site', async () => {
    for (const retURL of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const response = await client.post('/login', { username: usernames.riley, retURL });
      expect(response.headers.get('location')).toBe('/lightning/page/home');
    }
  });

  it('answers an unknown username with the login page and an error, setting no cookie', async () => {
    const response = await client.post('/login', { username: 'nobody@precall.demo' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('Please check your username and password');
  });

  it('frontdoor.jsp signs in by username and goes to retURL', async () => {
    const path = '/lightning/r/Opportunity/0065g00000Nwd01AAA/view';
    const response = await client.get(`/secur/frontdoor.jsp?un=${usernames.sam}&retURL=${encodeURIComponent(path)}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(path);
    expect(response.headers.get('set-cookie')).toMatch(/^sid=/);
  });

  it('frontdoor.jsp with an unknown user sends to the login page without a cookie', async () => {
    const response = await client.get('/secur/frontdoor.jsp?un=nobody&retURL=/lightning/page/home');
    expect(response.headers.get('location')).toBe('/login?retURL=%2Flightning%2Fpage%2Fhome');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('logout.jsp clears the sid cookie', async () => {
    const cookie = await client.signInAs(usernames.riley);
    const response = await client.get('/secur/logout.jsp', cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('set-cookie')).toMatch(/^sid=; .*Max-Age=0/);
  });

  it('sends a signed-in user opening / straight to Lightning', async () => {
    const cookie = await client.signInAs(usernames.riley);
    const response = await client.get('/', cookie);
    expect(response.headers.get('location')).toBe('/lightning/page/home');
  });
});
