import { Connection } from 'jsforce';
import { type DemoServer, type DemoServerOptions, startDemoServer } from '../../../demo/server';

/** A demo org on a random port, with helpers to talk to it as jsforce and as the control plane. */
export async function startTestOrg(options: DemoServerOptions = {}): Promise<DemoServer> {
  return startDemoServer({ port: 0, demoMode: true, ...options });
}

export function connectionAs(server: DemoServer, username: string, version = '62.0'): Connection {
  const { token } = server.org.signIn(username);
  return new Connection({ instanceUrl: server.url, accessToken: token, version });
}

export async function control<T = unknown>(
  server: DemoServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}/__demo/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /__demo/${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A raw REST call, for checking status codes and bodies byte for byte. */
export async function rest(
  server: DemoServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: the raw text is the body.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export const users = {
  riley: 'riley@precall.demo',
  sam: 'sam@precall.demo',
  morgan: 'morgan@precall.demo',
  admin: 'admin@precall.demo',
} as const;

let keySeed = 0;
/** A fresh, URL-safe plan key (jsforce does not encode the upsert value). */
export function newKey(): string {
  keySeed += 1;
  return `${crypto.randomUUID().slice(0, 28)}${String(keySeed).padStart(8, '0')}`;
}

export function planValues(opportunityId: string, key = newKey()): Record<string, unknown> {
  return {
    Plan_Key__c: key,
    Opportunity__c: opportunityId,
    Call_At__c: '2025-03-05T14:00:00Z',
    Goal__c: 'Agree the pilot scope',
    Best_Next_Step__c: 'Pilot signed',
  };
}
