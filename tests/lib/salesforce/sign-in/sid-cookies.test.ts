import { describe, expect, it } from 'vitest';
import type { SidCookie } from '../../../../lib/salesforce/hosts';
import { type CookieJar, readApiSession } from '../../../../lib/salesforce/sign-in/sid-cookies';

const lightning = 'https://acme.lightning.force.com';
const api = 'https://acme.my.salesforce.com';
const pageSid = '00D000000000001!lightning-session';
const apiSid = '00D000000000001!api-session';

/** A cookie jar holding `sid` by URL (for get) and by domain (for getAll), as chrome.cookies answers. */
function jar(byUrl: Record<string, string>, byDomain: Record<string, SidCookie[]> = {}, failing = false) {
  const asked: string[] = [];
  const cookies: CookieJar = {
    async get({ url, name }) {
      asked.push(`get ${url} ${name}`);
      if (failing) throw new Error('no permission for this host');
      const value = byUrl[url];
      return value === undefined ? null : { value };
    },
    async getAll({ name, domain }) {
      asked.push(`getAll ${domain} ${name}`);
      if (failing) throw new Error('no permission for this host');
      return byDomain[domain] ?? [];
    },
  };
  return { cookies, asked };
}

describe('the session for a Lightning page', () => {
  it('is the sid of the API host whose session belongs to the page’s org', async () => {
    const { cookies, asked } = jar(
      { [`${lightning}/`]: pageSid, [`${api}/`]: apiSid },
      { 'salesforce.com': [{ domain: 'acme.my.salesforce.com', value: apiSid }] },
    );
    expect(await readApiSession(cookies, lightning, false)).toEqual({ apiOrigin: api, sid: apiSid });
    expect(asked).toEqual([
      `get ${lightning}/ sid`,
      'getAll salesforce.com sid',
      'getAll salesforce.mil sid',
      'getAll sfcrmproducts.cn sid',
      `get ${api}/ sid`,
    ]);
  });

  it('looks among the demo hosts only when the demo is allowed', async () => {
    const { cookies, asked } = jar({ [`${lightning}/`]: pageSid });
    await readApiSession(cookies, lightning, true);
    expect(asked).toContain('getAll localhost sid');
    expect(asked).toContain('getAll 127.0.0.1 sid');
  });

  it('finds the API host of another name when the cookies say it is the org’s', async () => {
    const other = 'https://acme-corp.my.salesforce.com';
    const { cookies } = jar(
      { [`${lightning}/`]: pageSid, [`${other}/`]: apiSid },
      {
        'salesforce.com': [
          { domain: '.other.my.salesforce.com', value: '00D000000000002!another-org' },
          { domain: 'acme-corp.my.salesforce.com', value: apiSid },
        ],
      },
    );
    expect(await readApiSession(cookies, lightning, false)).toEqual({ apiOrigin: other, sid: apiSid });
  });

  it('asks for no other cookie when the page’s own sid names no org', async () => {
    const { cookies, asked } = jar({ [`${lightning}/`]: 'not-a-session', [`${api}/`]: apiSid });
    expect(await readApiSession(cookies, lightning, false)).toEqual({ apiOrigin: api, sid: apiSid });
    expect(asked.filter((line) => line.startsWith('getAll'))).toEqual([]);
  });

  it('is the page’s own sid on the API host itself', async () => {
    const { cookies, asked } = jar({ [`${api}/`]: apiSid });
    expect(await readApiSession(cookies, api, false)).toEqual({ apiOrigin: api, sid: apiSid });
    expect(asked.filter((line) => line.startsWith('get '))).toEqual([`get ${api}/ sid`]);
  });

  it('is none on a page that is not Salesforce’s', async () => {
    const { cookies } = jar({ 'https://example.com/': pageSid });
    expect(await readApiSession(cookies, 'https://example.com', false)).toEqual({
      apiOrigin: 'https://example.com',
      sid: null,
    });
  });

  it('is none, never an error, when the browser will not read the cookies', async () => {
    const { cookies } = jar({}, {}, true);
    expect(await readApiSession(cookies, lightning, false)).toEqual({ apiOrigin: api, sid: null });
  });

  it('is none when the API host has no session', async () => {
    const { cookies } = jar({ [`${lightning}/`]: pageSid });
    expect(await readApiSession(cookies, lightning, false)).toEqual({ apiOrigin: api, sid: null });
  });
});
