import type { IncomingMessage } from 'node:http';
import type { DemoOrg, DemoSession } from '../org/types';

/** Salesforce keeps the UI session in the `sid` cookie; the extension reads it with chrome.cookies. */
export const sessionCookieName = 'sid';

export function sessionCookie(token: string): string {
  return `${sessionCookieName}=${token}; Path=/; SameSite=Lax; HttpOnly`;
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName}=; Path=/; SameSite=Lax; HttpOnly; Max-Age=0`;
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionOf(req: IncomingMessage, org: DemoOrg): DemoSession | undefined {
  const token = cookieValue(req, sessionCookieName);
  return token ? org.sessionFor(token) : undefined;
}

/** Only same-site paths are followed after sign-in, so `retURL` cannot send a user elsewhere. */
export function safeReturnUrl(value: string | null, fallback = '/lightning/page/home'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
